package org.ccin.bot.telegram;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database write the bot must not skip (an update stored in the inbox, an update recorded as handled), tried again
 * with growing pauses (0.2 s, doubling up to 10 s) while the database refuses, until it is done or the bot stops.
 * The first refusal is logged with its cause, the tries after it only at debug level, and the end of it once: a
 * full disk must not fill the log with a stack trace every ten seconds.
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
        return untilDone(what, write, stopped, problem -> { });
    }

    /**
     * @param refused told at every refusal, with the cause in words (for /health: the caller's work is stuck)
     * @return true once the write is done; false when {@code stopped} came first (or the thread was interrupted)
     */
    static boolean untilDone(String what, Runnable write, CountDownLatch stopped, Consumer<String> refused) {
        long pauseMillis = FIRST_PAUSE_MILLIS;
        int refusals = 0;
        while (true) {
            try {
                write.run();
                if (refusals > 0) {
                    log.info("could {} again, after {} refusals", what, refusals);
                }
                return true;
            } catch (RuntimeException e) {
                refusals++;
                refused.accept(e.getClass().getSimpleName() + ": " + e.getMessage());
                if (refusals == 1) {
                    log.error("cannot {}; trying again with pauses up to {} s", what, LONGEST_PAUSE_MILLIS / 1000, e);
                } else {
                    log.debug("still cannot {} ({} refusals): {}", what, refusals, e.toString());
                }
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
