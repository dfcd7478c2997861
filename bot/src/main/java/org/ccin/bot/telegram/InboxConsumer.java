package org.ccin.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.IncomingUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives a batch from long polling and stores it in the inbox before returning. TelegramBots confirms a batch
 * to Telegram with the next getUpdates, which it sends only after this returns: so an update is never confirmed
 * before it is stored. If the database cannot be written, this keeps trying (the poller waits, and Telegram keeps
 * the updates) until it can or the bot stops. Nothing escapes: an exception here would silently stop the poller.
 */
public final class InboxConsumer implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

    private final InboxRepository inbox;
    private final UpdateCodec codec;
    private final Runnable onStored;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public InboxConsumer(InboxRepository inbox, UpdateCodec codec, Runnable onStored) {
        this.inbox = inbox;
        this.codec = codec;
        this.onStored = onStored;
    }

    @Override
    public void consume(List<Update> updates) {
        try {
            List<IncomingUpdate> rows = new ArrayList<>(updates.size());
            for (Update update : updates) {
                rows.add(codec.toInbox(update));
            }
            storeUntilStored(rows);
            onStored.run();
        } catch (RuntimeException | Error e) {
            log.error("a batch of {} updates could not be taken in", updates.size(), e);
        }
    }

    private void storeUntilStored(List<IncomingUpdate> rows) {
        boolean stored = DatabaseRetry.untilDone("store " + rows.size() + " updates in the inbox", () -> {
            int fresh = inbox.store(rows);
            log.debug("stored {} updates ({} new)", rows.size(), fresh);
        }, stopped);
        if (!stored) {
            log.warn("stopping with {} updates not stored; Telegram will send them again", rows.size());
        }
    }

    /** Call after the poller is stopped: a batch still waiting for the database is given up (not confirmed). */
    public void stop() {
        stopped.countDown();
    }
}
