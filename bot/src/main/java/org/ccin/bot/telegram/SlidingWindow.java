package org.ccin.bot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * "At most {@code limit} calls in any window of {@code windowNanos}", the way Telegram states its limits
 * (1 per second per chat, 20 per minute per group).
 *
 * <p>Telegram counts a call when it arrives, which is some time after we send it and before its answer comes back.
 * So a call holds its place from when it is sent until its answer arrives, and only then starts its window: the
 * next call can never arrive within the window of an earlier one, however the network delays them. A small margin
 * on top covers clock granularity. Hand-written because token buckets (Bucket4j, Guava) count a call when it is
 * made, not while it is in flight, which is what makes this rule hold. Not thread-safe: the Sender guards it.
 */
final class SlidingWindow {
    static final long MARGIN_NANOS = 10_000_000L;

    /** One call's place in the window: when its answer came, or in flight (counted as "now"). */
    static final class Slot {
        private long answeredAt = Long.MAX_VALUE;
    }

    private final int limit;
    private final long windowNanos;
    private final List<Slot> slots = new ArrayList<>();

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
        return waitNanos(now, 0);
    }

    /**
     * Nanoseconds until one more call fits while leaving {@code keepFree} places unused (for calls that must not
     * wait); 0 when it fits now.
     */
    long waitNanos(long now, int keepFree) {
        evict(now);
        int usable = Math.max(1, limit - keepFree);
        if (slots.size() < usable) {
            return 0;
        }
        // the place that frees next so that fewer than `usable` are taken: the (size - usable + 1)-th to expire
        List<Long> answered = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.answeredAt != Long.MAX_VALUE) {
                answered.add(slot.answeredAt);
            }
        }
        int mustExpire = slots.size() - usable + 1;
        if (answered.size() < mustExpire) {
            return windowNanos; // waiting for answers (the sender is woken when one comes)
        }
        java.util.Collections.sort(answered);
        return Math.max(0, answered.get(mustExpire - 1) + windowNanos - now);
    }

    /** Takes a place for a call about to be sent. */
    Slot take() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** The call's answer came: its window starts now. */
    static void answered(Slot slot, long now) {
        slot.answeredAt = now;
    }

    /** True when nothing in the window is recent: the window can be forgotten. */
    boolean isIdle(long now) {
        evict(now);
        return slots.isEmpty();
    }

    private void evict(long now) {
        slots.removeIf(slot -> slot.answeredAt != Long.MAX_VALUE && now - slot.answeredAt >= windowNanos);
    }
}
