package org.ccin.bot;

import java.time.Clock;
import java.util.function.Supplier;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.telegram.BotIdentity;
import org.ccin.bot.telegram.Sender;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;

/**
 * What features are built from: settings, storage, texts, the way out to Telegram, the outbox, the clock, who the
 * bot is, the address of its web pages (known once the server runs), and the
 * language to write to someone in.
 * Built once by {@link BotApplication}.
 */
public record Services(BotConfig config, Store store, Messages messages, Sender sender, OutboxDispatcher outbox,
                       Clock clock, BotIdentity identity,
                       Supplier<String> publicUrl, LanguagePreference languages) {
}
