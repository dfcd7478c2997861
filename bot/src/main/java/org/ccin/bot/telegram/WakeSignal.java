package org.ccin.bot.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How a feeder thread (the inbox's, the outbox's) sleeps until there is work: others {@link #signal} when they add
 * some, and a signal given while the feeder was busy is kept, so the next wait returns at once instead of missing it.
 * The feeder still wakes after a timeout, to pick up work added by another process or left by a failure. Thread-safe.
 */
public final class WakeSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean signalled;

    /** There is new work (or the feeder should look again, e.g. because it is stopping). */
    public void signal() {
        lock.lock();
        try {
            signalled = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until a signal (one given since the last sleep counts) or the timeout; not at all once {@code stop}. */
    public void await(Duration timeout, BooleanSupplier stop) {
        lock.lock();
        try {
            if (!signalled && !stop.getAsBoolean()) {
                woken.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code done} holds, looking again at each signal and at least every {@code poll}, up to the
     * timeout; true when it holds. Leaves the feeder's pending signal as it is.
     */
    public boolean awaitUntil(BooleanSupplier done, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                woken.awaitNanos(Math.min(left, poll.toNanos()));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
