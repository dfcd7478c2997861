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
    private static final int SHOWN_BEFORE = 6;
    private static final int SHOWN_BEFORE_CHARACTERS = 200;
    private static final int SHOWN_SINCE_CHARACTERS = 600;

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
                    throw new AssertionError(describeTimeout(after, found.size(), count, timeout));
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

    /**
     * Lists what the bot called since the mark in full, and only the last few calls before it, shortened, leaving out
     * the polling: a failure's message stays short enough to be read whole in a CI log. Called with the lock held.
     */
    private String describeTimeout(long after, int found, int wanted, Duration timeout) {
        int skip = (int) Math.min(calls.size(), Math.max(0, after - (recordedTotal - calls.size())));
        List<ApiCall> before = calls.subList(0, skip).stream().filter(call -> !call.is("getupdates")).toList();
        List<ApiCall> since = calls.subList(skip, calls.size()).stream().filter(call -> !call.is("getupdates"))
                .toList();
        long polls = calls.size() - before.size() - since.size();
        StringBuilder text = new StringBuilder("expected " + wanted + " matching call(s) within " + timeout
                + " but found " + found + "; calls since the mark (" + since.size() + ", and " + polls
                + " getUpdates in all):\n");
        text.append(since.isEmpty() ? "  (none)\n" : lines(since, SHOWN_SINCE_CHARACTERS));
        List<ApiCall> lastBefore = before.subList(Math.max(0, before.size() - SHOWN_BEFORE), before.size());
        text.append("the last ").append(lastBefore.size()).append(" of ").append(before.size())
                .append(" calls before the mark:\n").append(lines(lastBefore, SHOWN_BEFORE_CHARACTERS));
        return text.toString();
    }

    private static String lines(List<ApiCall> shown, int characters) {
        return shown.stream().map(call -> {
            String line = call.toString();
            return "  " + (line.length() <= characters ? line : line.substring(0, characters) + "…");
        }).collect(Collectors.joining("\n", "", "\n"));
    }
}
