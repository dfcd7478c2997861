package org.ccin.bot.telegram;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with TelegramBots: asks Telegram for updates and hands each batch to the {@link InboxConsumer}.
 * We supply the HTTP client (with a read timeout longer than the poll), a daemon thread, and the list of update
 * kinds (chat_member updates come only when asked for).
 */
public final class PollingReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollingReceiver.class);

    /** Every kind of update some feature handles. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "inline_query", "chosen_inline_result", "chat_join_request", "chat_member", "my_chat_member");

    private final TelegramConnection connection;
    private final InboxConsumer consumer;
    private final int pollTimeoutSeconds;
    private TelegramBotsLongPollingApplication application;
    private ScheduledExecutorService executor;

    public PollingReceiver(TelegramConnection connection, InboxConsumer consumer, int pollTimeoutSeconds) {
        this.connection = connection;
        this.consumer = consumer;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
    }

    /** Starts polling; deletes a webhook left from webhook mode first (TelegramBots does that itself). */
    public void start() throws TelegramApiException {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "polling");
            thread.setDaemon(true);
            return thread;
        });
        application = new TelegramBotsLongPollingApplication(connection::mapper, connection::pollingHttp,
                () -> executor);
        application.registerBot(connection.token(), connection::url, this::getUpdates, consumer);
        log.info("long polling started against {}://{}:{}", connection.url().getSchema(), connection.url().getHost(),
                connection.url().getPort());
    }

    private GetUpdates getUpdates(Integer lastReceived) {
        return GetUpdates.builder().offset(lastReceived + 1).limit(100).timeout(pollTimeoutSeconds)
                .allowedUpdates(ALLOWED_UPDATES).build();
    }

    /** Stops asking for updates; a batch being stored is finished or given up (and then sent again by Telegram). */
    @Override
    public void close() {
        if (application != null) {
            try {
                application.close();
            } catch (Exception e) {
                log.warn("stopping long polling: {}", e.toString());
            }
        }
        consumer.stop();
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
