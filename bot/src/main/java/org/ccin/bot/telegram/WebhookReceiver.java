package org.ccin.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.ccin.config.TelegramSettings;
import org.ccin.store.inbox.InboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: tells Telegram where to post updates, and stores each posted update in the inbox before the web
 * endpoint answers 200 (Telegram sends it again until it gets a 200, so nothing is lost). Thread-safe.
 */
public final class WebhookReceiver {
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final TelegramSettings settings;
    private final InboxRepository inbox;
    private final UpdateCodec codec;
    private final Runnable onStored;

    public WebhookReceiver(TelegramSettings settings, InboxRepository inbox, UpdateCodec codec, Runnable onStored) {
        this.settings = settings;
        this.inbox = inbox;
        this.codec = codec;
        this.onStored = onStored;
    }

    /** Registers the webhook with Telegram. */
    public void register(TelegramClient client) throws TelegramApiException {
        // one post at a time: with Telegram's default of 40 at once, a chat's next update could be stored (and
        // handled) before the one before it; storing a post takes milliseconds, so one connection keeps up
        SetWebhook setWebhook = SetWebhook.builder().url(settings.webhookUrl().orElseThrow().toString())
                .secretToken(settings.webhookSecret().orElseThrow()).allowedUpdates(PollingReceiver.ALLOWED_UPDATES)
                .maxConnections(1).build();
        client.execute(setWebhook);
        log.info("webhook registered at {}", settings.webhookUrl().get().getHost());
    }

    /**
     * Stores one posted update.
     *
     * @throws JsonProcessingException when the body is not an update
     */
    public void accept(String body) throws JsonProcessingException {
        Update update = codec.read(body);
        inbox.store(List.of(codec.toInbox(update, body)));
        onStored.run();
    }

    public String path() {
        return settings.webhookPath();
    }

    public String secret() {
        return settings.webhookSecret().orElseThrow();
    }

    public int maxBodyBytes() {
        return settings.webhookMaxBodyBytes();
    }
}
