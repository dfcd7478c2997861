package org.ccin.bot.fakeapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every call the fake answered, in the order answered, with waiting for calls that have not come yet. */
final class CallLog {
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<Consumer<ApiCall>> listeners = new CopyOnWriteArrayList<>();
    private final int capacity;
    /** Calls recorded since the start, including those dropped over capacity: a call's sequence number. */
    private long recordedTotal;

    CallLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("keep at least one call");
        }
        this.capacity = capacity;
    }

    void record(ApiCall call) {
        lock.lock();
        try {
            if (calls.size() >= capacity) {
                calls.subList(0, calls.size() - capacity + 1).clear();
            }
            calls.add(call);
            recordedTotal++;
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
        for (Consumer<ApiCall> listener : listeners) {
            try {
                listener.accept(call);
            } catch (RuntimeException e) {
                // a broken listener (a web page gone away) must not break the bot's call
                log.warn("listener failed on {}", call.method(), e);
            }
        }
    }

    List<ApiCall> all() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            calls.clear();
        } finally {
            lock.unlock();
        }
    }

    void addListener(Consumer<ApiCall> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<ApiCall> listener) {
        listeners.remove(listener);
    }

    /** How many calls have been recorded since the start. */
    long total() {
        lock.lock();
        try {
            return recordedTotal;
        } finally {
            lock.unlock();
        }
    }

    /** The first {@code count} calls matching, made already or within the timeout. */
    List<ApiCall> await(Predicate<ApiCall> match, int count, Duration timeout) {
        return await(0, match, count, timeout);
    }

    /** The same, counting only calls recorded after the first {@code after} calls since the start. */
    List<ApiCall> await(long after, Predicate<ApiCall> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                long skip = Math.max(0, after - (recordedTotal - calls.size()));
                List<ApiCall> found = calls.stream().skip(skip).filter(match).limit(count).toList();
                if (found.size() == count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(describeTimeout(found.size(), count, timeout));
                }
                recorded.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a call", e);
        } finally {
            lock.unlock();
        }
    }

    /** Lists what the bot did call, leaving out the polling that would bury it. */
    private String describeTimeout(int found, int wanted, Duration timeout) {
        List<ApiCall> interesting = calls.stream().filter(call -> !call.is("getupdates")).toList();
        long polls = calls.size() - interesting.size();
        String seen = interesting.isEmpty() ? "  (none)"
                : interesting.stream().map(call -> "  " + call).collect(Collectors.joining("\n"));
        return "expected " + wanted + " matching call(s) within " + timeout + " but found " + found
                + "; calls seen (" + interesting.size() + ", plus " + polls + " getUpdates):\n" + seen;
    }
}
