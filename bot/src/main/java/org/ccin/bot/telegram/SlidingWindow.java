package org.ccin.bot.telegram;

import java.util.ArrayDeque;

/**
 * "At most {@code limit} calls in any window of {@code windowNanos}", the way Telegram states its limits
 * (1 per second per chat, 20 per minute per group). Each window is kept {@link #MARGIN_NANOS} longer than the
 * limit says, because Telegram counts when a request arrives, not when we sent it: two requests sent exactly a
 * window apart may arrive a little closer. Not thread-safe: the Sender guards it.
 */
final class SlidingWindow {
    static final long MARGIN_NANOS = 30_000_000L;

    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    SlidingWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos + MARGIN_NANOS;
    }

    /** A window for a rate per second: 25/s is 25 per second; 0.5/s is 1 per two seconds. */
    static SlidingWindow perSecond(double rate) {
        int limit = Math.max(1, (int) Math.floor(rate));
        return new SlidingWindow(limit, (long) (limit / rate * 1_000_000_000L));
    }

    static SlidingWindow perMinute(int limit) {
        return new SlidingWindow(limit, 60_000_000_000L);
    }

    /** Nanoseconds until one more call fits; 0 when it fits now. */
    long waitNanos(long now) {
        evict(now);
        return times.size() < limit ? 0 : times.peekFirst() + windowNanos - now;
    }

    void record(long now) {
        times.addLast(now);
    }

    /** True when nothing in the window is recent: the window can be forgotten. */
    boolean isIdle(long now) {
        evict(now);
        return times.isEmpty();
    }

    private void evict(long now) {
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.removeFirst();
        }
    }
}
