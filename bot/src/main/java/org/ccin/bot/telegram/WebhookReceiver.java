package org.ccin.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ccin.config.TelegramSettings;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.IncomingUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: tells Telegram where to post updates, and stores each posted update in the inbox before the web
 * endpoint answers 200 (Telegram sends it again until it gets a 200, so nothing is lost). An update the bot cannot
 * read is stored too (quarantined) and answered 200: any other answer makes Telegram post it again and again, and
 * hold up the updates behind it. Only a body that is not an update at all is refused. Thread-safe.
 */
public final class WebhookReceiver {
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final TelegramSettings settings;
    private final InboxRepository inbox;
    private final UpdateCodec codec;
    private final UpdateIntake intake;
    private final Runnable onStored;

    public WebhookReceiver(TelegramSettings settings, InboxRepository inbox, UpdateCodec codec, UpdateIntake intake,
                           Runnable onStored) {
        this.settings = settings;
        this.inbox = inbox;
        this.codec = codec;
        this.intake = intake;
        this.onStored = onStored;
    }

    /** Registers the webhook with Telegram. */
    public void register(TelegramClient client) throws TelegramApiException {
        // one post at a time: with Telegram's default of 40 at once, a chat's next update could be stored (and
        // handled) before the one before it; storing a post takes milliseconds, so one connection keeps up
        SetWebhook setWebhook = SetWebhook.builder().url(settings.webhookUrl().orElseThrow().toString())
                .secretToken(settings.webhookSecret().orElseThrow()).allowedUpdates(LongPoller.ALLOWED_UPDATES)
                .maxConnections(1).build();
        client.execute(setWebhook);
        log.info("webhook registered at {}", settings.webhookUrl().get().getHost());
    }

    /**
     * Stores one posted update, readable or not.
     *
     * @throws NotAnUpdate when the body is not JSON, or not an object with an update_id
     */
    public void accept(String body) throws NotAnUpdate {
        JsonNode raw;
        try {
            raw = codec.tree(body);
        } catch (JsonProcessingException e) {
            throw new NotAnUpdate("the body is not JSON");
        }
        IncomingUpdate row = intake.take(raw, body).orElseThrow(() -> new NotAnUpdate("the body has no update_id"));
        inbox.store(List.of(row));
        onStored.run();
    }

    /** A posted body that is not an update at all: answered 400. */
    public static final class NotAnUpdate extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnUpdate(String why) {
            super(why);
        }
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
