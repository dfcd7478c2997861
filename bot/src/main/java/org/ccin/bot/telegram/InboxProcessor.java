package org.ccin.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.InboxStatus;
import org.ccin.store.inbox.StoredUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles the updates waiting in the inbox: on start, those a previous run stored but never handled; then each new
 * batch as soon as it is stored. One chat's updates are handled in order, chats in parallel; each update is marked
 * done (or failed) after its handler returns, so an update is handled again only if the process died while
 * handling it. Thread-safe.
 */
public final class InboxProcessor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final int BATCH = 200;
    private static final int MAX_DISPATCHED = 2_000;

    private final InboxRepository inbox;
    private final HandledListener listener;
    private final UpdateCodec codec;
    private final UpdateHandler handler;
    private final KeyedSerialExecutor executor;
    private final Semaphore dispatched = new Semaphore(MAX_DISPATCHED);
    private final WakeSignal wake = new WakeSignal();
    private final Thread feeder;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Counted down once, by {@link #close}: whether the processor is stopping, and what retries wait on. */
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    /** The highest update id dispatched so far: the next read starts after it. */
    private long cursor;

    /** What handles one update (the bot's router): how it ended. It should not throw; if it does, it failed. */
    @FunctionalInterface
    public interface UpdateHandler {
        HandlerOutcome handle(Update update);
    }

    /** Told of each update handled: its type, how it ended, and how long it took. */
    @FunctionalInterface
    public interface HandledListener {
        void handled(String kind, String outcome, long nanos);
    }

    public InboxProcessor(InboxRepository inbox, UpdateCodec codec, UpdateHandler handler, int workers) {
        this(inbox, codec, handler, workers, (kind, outcome, nanos) -> { });
    }

    public InboxProcessor(InboxRepository inbox, UpdateCodec codec, UpdateHandler handler, int workers,
                          HandledListener listener) {
        this.listener = listener;
        this.inbox = inbox;
        this.codec = codec;
        this.handler = handler;
        this.executor = new KeyedSerialExecutor(workers, "update");
        this.feeder = new Thread(this::feed, "inbox");
        this.feeder.setDaemon(true);
    }

    public void start() {
        feeder.start();
    }

    /** New updates are in the inbox. */
    public void wake() {
        wake.signal();
    }

    private void feed() {
        while (!stopping()) {
            try {
                List<StoredUpdate> batch = inbox.pending(cursor, BATCH);
                for (StoredUpdate stored : batch) {
                    dispatch(stored);
                    cursor = Math.max(cursor, stored.updateId());
                }
                // Telegram's ids only grow, but a webhook post can arrive late: pick up pending rows behind us.
                // Which ones are in flight is read *before* the query: a handler that ends between the query and
                // the check has marked its row done by then, and must not be taken for a late arrival.
                Set<Long> inFlightBefore = Set.copyOf(inFlight);
                for (StoredUpdate stored : inbox.pending(0, BATCH)) {
                    if (stored.updateId() < cursor && !inFlightBefore.contains(stored.updateId())) {
                        dispatch(stored);
                    }
                }
                if (batch.size() < BATCH) {
                    awaitWake();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("reading the inbox failed; trying again in a second", e);
                awaitWake();
            }
        }
    }

    private void dispatch(StoredUpdate stored) throws InterruptedException {
        dispatched.acquire();
        inFlight.add(stored.updateId());
        executor.execute(stored.chatKey(), () -> handle(stored));
    }

    private void awaitWake() {
        wake.await(Duration.ofSeconds(1), this::stopping);
    }

    private void handle(StoredUpdate stored) {
        try {
            if (stopping()) {
                return; // left pending: the next start handles it
            }
            long started = System.nanoTime();
            InboxStatus status = InboxStatus.DONE;
            String outcome;
            try {
                Update update = codec.read(stored.payload());
                HandlerOutcome handled = handler.handle(update);
                outcome = handled.outcome();
                status = handled.failed() ? InboxStatus.FAILED : InboxStatus.DONE;
            } catch (Exception e) {
                log.error("update {} cannot be read", stored.updateId(), e);
                status = InboxStatus.FAILED;
                outcome = "unreadable: " + e.getClass().getSimpleName();
            } catch (Error e) {
                // handled as far as it got: marking it failed keeps it from being handled again and again
                log.error("update {} failed with an error", stored.updateId(), e);
                status = InboxStatus.FAILED;
                outcome = "error: " + e.getClass().getSimpleName();
            }
            if (!markProcessed(stored, status, outcome)) {
                return;
            }
            long took = System.nanoTime() - started;
            log.info("update {} {} chat {}: {} in {} ms", stored.updateId(), stored.kind(), stored.chatKey(), outcome,
                    TimeUnit.NANOSECONDS.toMillis(took));
            listener.handled(stored.kind(), outcome, took);
        } finally {
            inFlight.remove(stored.updateId());
            dispatched.release();
        }
    }

    /**
     * Records how the update ended, trying again while the database refuses (busy, full disk): an update handled but
     * not recorded would be taken for one never handled and handled a second time. The handler's thread waits
     * meanwhile, so the chat's next update waits too and order is kept. False when the bot stops first: then the
     * update is handled again after the next start, as after a crash.
     */
    private boolean markProcessed(StoredUpdate stored, InboxStatus status, String outcome) {
        boolean recorded = DatabaseRetry.untilDone("record update " + stored.updateId() + " as handled",
                () -> inbox.markProcessed(stored.updateId(), status, outcome), stopSignal);
        if (!recorded) {
            log.warn("stopping: update {} stays pending and is handled again after the next start", stored.updateId());
        }
        return recorded;
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    /** Stops taking updates; waits up to {@code millis} for the handlers that are running. */
    public void close(long millis) {
        stopSignal.countDown();
        wake();
        feeder.interrupt();
        executor.shutdown(millis);
    }

    @Override
    public void close() {
        close(5_000);
    }
}
