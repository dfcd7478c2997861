package org.ccin.bot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks so that tasks of one key (a chat) run one after another, in the order given, while tasks of different
 * keys run in parallel on a fixed pool. After each task its key goes to the back of the pool's queue, so one busy
 * chat cannot hold a thread while others wait. Thread-safe.
 */
public final class KeyedSerialExecutor {
    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    private final ExecutorService pool;
    private final Map<Long, ArrayDeque<Runnable>> queues = new HashMap<>();

    public KeyedSerialExecutor(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    public void execute(long key, Runnable task) {
        synchronized (queues) {
            ArrayDeque<Runnable> queue = queues.get(key);
            if (queue != null) {
                queue.addLast(task);
                return;
            }
            queues.put(key, new ArrayDeque<>());
        }
        pool.execute(() -> run(key, task));
    }

    private void run(long key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("task of key {} failed", key, e);
        }
        Runnable next;
        synchronized (queues) {
            ArrayDeque<Runnable> queue = queues.get(key);
            next = queue.pollFirst();
            if (next == null) {
                queues.remove(key);
                return;
            }
        }
        Runnable following = next;
        pool.execute(() -> run(key, following));
    }

    /** Stops taking tasks and waits up to {@code millis} for running ones; queued ones are dropped. */
    public boolean shutdown(long millis) {
        pool.shutdown();
        try {
            return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
