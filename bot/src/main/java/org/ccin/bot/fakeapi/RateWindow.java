package org.ccin.bot.fakeapi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * "At most N events in any window of this length", over a sliding window of the event times. Not thread-safe:
 * {@link RateLimits} guards it.
 */
final class RateWindow {
    private final int limit;
    private final long windowNanos;
    private final Deque<Long> times = new ArrayDeque<>();

    RateWindow(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit allows at least one event: " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** How long until one more event fits, 0 when it fits now. */
    long nanosUntilFree(long now) {
        forgetBefore(now - windowNanos);
        return times.size() < limit ? 0 : times.peekFirst() + windowNanos - now;
    }

    void add(long now) {
        times.addLast(now);
    }

    /** Takes back an event that did not happen after all (the call failed). */
    void remove(long time) {
        times.removeLastOccurrence(time);
    }

    boolean isIdle(long now) {
        forgetBefore(now - windowNanos);
        return times.isEmpty();
    }

    private void forgetBefore(long oldestKept) {
        while (!times.isEmpty() && times.peekFirst() <= oldestKept) {
            times.removeFirst();
        }
    }
}
