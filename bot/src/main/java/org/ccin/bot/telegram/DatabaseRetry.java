package org.ccin.bot.telegram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database write the bot must not skip (an update stored in the inbox, an update recorded as handled), tried again
 * with growing pauses (0.2 s, doubling up to 10 s) while the database refuses, until it is done or the bot stops.
 */
final class DatabaseRetry {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private DatabaseRetry() {
    }

    /**
     * @param what the write in words, for the log ("store 3 updates in the inbox")
     * @return true once the write is done; false when {@code stopped} came first (or the thread was interrupted)
     */
    static boolean untilDone(String what, Runnable write, CountDownLatch stopped) {
        long pauseMillis = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                write.run();
                return true;
            } catch (RuntimeException e) {
                log.error("cannot {}; trying again in {} ms", what, pauseMillis, e);
            }
            try {
                if (stopped.await(pauseMillis, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
