package org.ccin.bot.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Who the bot is (getMe): its username tells commands meant for us ("/help@ccin_bot") from those for other bots.
 * Asked at start and, while Telegram cannot be reached, again in the background until it answers. Thread-safe.
 */
public final class BotIdentity implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final AtomicReference<User> me = new AtomicReference<>();
    private final CountDownLatch known = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Asks Telegram until it answers; returns at once, the answer arrives in the background. */
    public void discover(TelegramClient client) {
        Thread thread = new Thread(() -> {
            long backoff = 1_000;
            while (closed.getCount() > 0) {
                try {
                    User user = client.execute(new GetMe());
                    me.set(user);
                    known.countDown();
                    log.info("connected to Telegram as @{}", user.getUserName());
                    return;
                } catch (Exception e) {
                    log.warn("Telegram did not answer getMe ({}); asking again in {} s", e.getMessage(), backoff / 1000);
                }
                try {
                    if (closed.await(backoff, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 60_000);
            }
        }, "identity");
        thread.setDaemon(true);
        thread.start();
    }

    public Optional<String> username() {
        return Optional.ofNullable(me.get()).map(User::getUserName);
    }

    public Optional<Long> id() {
        return Optional.ofNullable(me.get()).map(User::getId);
    }

    /** Waits until Telegram told us who we are. */
    public boolean await(Duration timeout) throws InterruptedException {
        return known.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
