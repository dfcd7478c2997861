package org.ccin.bot.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many updates each person may have answered in a burst: a bucket of {@code burst} tokens per person, filled
 * again at {@code perSecond}. Past the burst, updates are set aside (recorded as handled, never left waiting), and
 * the person is told once per flood that they are going fast: one person cannot queue minutes of replies that
 * everyone else then waits behind. Thread-safe.
 */
public final class FloodGuard {
    private static final int MAX_PEOPLE = 50_000;

    /** What to do with a person's update. */
    public enum Verdict {
        /** Handle it. */
        ANSWER,
        /** Set it aside, and tell them (the first in this flood). */
        DROP_AND_TELL,
        /** Set it aside silently: they have been told. */
        DROP
    }

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;
        boolean told;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.updatedAt = at;
        }
    }

    public FloodGuard(int burst, double perSecond, LongSupplier nanoTime) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
    }

    public FloodGuard(int burst, double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    public Verdict admit(long personId) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_PEOPLE) {
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(personId, id -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.updatedAt = now;
            if (bucket.tokens >= burst) {
                bucket.told = false; // quiet long enough: a new flood gets a new notice
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Verdict.ANSWER;
            }
            if (bucket.told) {
                return Verdict.DROP;
            }
            bucket.told = true;
            return Verdict.DROP_AND_TELL;
        }
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * perNano);
    }
}
