package org.ccin.bot.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ccin.config.BotConfig.SendingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The one way out to Telegram. It keeps the bot under Telegram's limits by itself (overall, per private chat, per
 * group), serves three lanes in priority order (interactive replies, reminders, broadcasts), keeps each chat's
 * messages in order, and applies the delivery rules: 429 waits retry_after and tries again without counting as a
 * failure; 403 and other 4xx fail at once; server errors, timeouts and I/O errors are retried with backoff, then
 * given up. Any {@code ok: true} answer is a delivery, even when its result cannot be read: then the call's future
 * completes with {@code null} (message id unknown) and the call is never made again.
 *
 * <p>Written here rather than taken from a library, on purpose: TelegramBots 9.6 has no rate limiter, and general
 * ones (Bucket4j, Resilience4j, Guava's RateLimiter) count a call when it is made, while Telegram counts it when it
 * arrives, so they let two calls of one chat land within a second after a slow network; they know nothing of lanes
 * that must leave room for members' replies, of retry_after, or of the rule that an {@code ok: true} is never retried.
 * Thread-safe: any thread may submit; one dispatcher thread decides what goes next.
 */
public final class Sender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    private static final long MAX_IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(30);
    /**
     * Calls under way at once, per lane: each lane has its own, so that broadcast calls waiting for something (the
     * database, a slow answer) can never take every place and hold up a member's reply.
     */
    private static final int MAX_IN_FLIGHT_PER_LANE = 32;
    private static final int MAX_CHAT_WINDOWS = 20_000;

    private static final BooleanSupplier ALWAYS = () -> true;

    private final BotApiCalls calls;
    private final SendingSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Lane, ArrayDeque<Job<?>>> lanes = new EnumMap<>(Lane.class);
    private final SlidingWindow global;
    /**
     * Reminders and broadcasts go out evenly, one every 1/globalPerSecond, rather than in bursts that fill the overall
     * window at once (a member's reply would then wait for the whole burst to leave the window), and leave a tenth
     * of its places free: a reply finds room at once.
     */
    private final long pacingNanos;
    private final int keptForReplies;
    private long lastPacedStart;
    private final Map<Long, SlidingWindow> chatWindows = new HashMap<>();
    private final Set<Long> chatsInFlight = new HashSet<>();
    private final Thread dispatcher;
    /**
     * Makes the calls whose {@code beforeCall} touches the database (the outbox's), so that a busy database delays
     * only them, never the dispatcher and with it every chat's replies.
     */
    private final ExecutorService starter;
    /**
     * Failures decided under the lock, completed after it is released: completing a future runs its dependants on
     * the spot (the outbox's bookkeeping writes to the database), and they must not hold up every other caller.
     */
    private final List<Runnable> deferredCompletions = new ArrayList<>();
    private final SendListener listener;
    private int inFlight;
    private final Map<Lane, Integer> inFlightByLane = new EnumMap<>(Lane.class);
    private boolean closing;
    private long drainDeadline;

    public Sender(BotApiCalls calls, SendingSettings settings, SendListener listener) {
        this.calls = calls;
        this.settings = settings;
        this.listener = listener;
        this.global = SlidingWindow.perSecond(settings.globalPerSecond());
        this.pacingNanos = (long) (1_000_000_000L / settings.globalPerSecond());
        this.keptForReplies = (int) Math.floor(settings.globalPerSecond() / 10);
        for (Lane lane : Lane.values()) {
            lanes.put(lane, new ArrayDeque<>());
        }
        this.starter = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sender-start");
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher = new Thread(this::dispatch, "sender");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /** A message to a chat: counts against the chat's and the overall limits, and keeps the chat's order. */
    public <T extends Serializable> CompletableFuture<T> send(Lane lane, long chatId, BotApiMethod<T> method) {
        return send(lane, chatId, method, ALWAYS);
    }

    /**
     * The same, asking {@code beforeCall} on the sending thread right before each attempt's call is made: when it
     * answers false the call is not made and the result fails with {@link SendException.Reason#WITHDRAWN}.
     */
    public <T extends Serializable> CompletableFuture<T> send(Lane lane, long chatId, BotApiMethod<T> method,
                                                             BooleanSupplier beforeCall) {
        return submitChecked(lane, chatId, method.getMethod(), beforeCall, () -> calls.call(method));
    }

    /** A call that sends no message (answering a button, approving a join request): not rate-limited. */
    public <T extends Serializable> CompletableFuture<T> call(Lane lane, BotApiMethod<T> method) {
        return submit(lane, 0, method.getMethod(), () -> calls.call(method), false);
    }

    public CompletableFuture<Message> sendDocument(Lane lane, long chatId, SendDocument document) {
        return sendDocument(lane, chatId, document, ALWAYS);
    }

    public CompletableFuture<Message> sendDocument(Lane lane, long chatId, SendDocument document, BooleanSupplier beforeCall) {
        return submitChecked(lane, chatId, "senddocument", beforeCall, () -> calls.call(document));
    }

    public CompletableFuture<Message> sendPhoto(Lane lane, long chatId, SendPhoto photo) {
        return sendPhoto(lane, chatId, photo, ALWAYS);
    }

    public CompletableFuture<Message> sendPhoto(Lane lane, long chatId, SendPhoto photo, BooleanSupplier beforeCall) {
        return submitChecked(lane, chatId, "sendphoto", beforeCall, () -> calls.call(photo));
    }

    /** A call made only if {@code beforeCall} still agrees; such a check asks the database, so it starts elsewhere. */
    private <T> CompletableFuture<T> submitChecked(Lane lane, long chatId, String method, BooleanSupplier beforeCall,
                                                   Supplier<CompletableFuture<T>> call) {
        if (beforeCall == ALWAYS) {
            return submit(lane, chatId, method, call, false);
        }
        return submit(lane, chatId, method, () -> beforeCall.getAsBoolean() ? call.get()
                : CompletableFuture.failedFuture(new SendException(SendException.Reason.WITHDRAWN, 0,
                        "taken back before it was sent", Optional.empty())), true);
    }

    /** Calls waiting in a lane (for metrics and for feeders that keep lanes short). */
    public int queued(Lane lane) {
        lock.lock();
        try {
            return lanes.get(lane).size();
        } finally {
            lock.unlock();
        }
    }

    private <T> CompletableFuture<T> submit(Lane lane, long chatId, String method, Supplier<CompletableFuture<T>> call,
                                            boolean startsElsewhere) {
        Job<T> job = new Job<>(lane, chatId, method, call, startsElsewhere);
        lock.lock();
        try {
            if (!closing) {
                lanes.get(lane).addLast(job);
                changed.signalAll();
                return job.result;
            }
        } finally {
            lock.unlock();
        }
        job.result.completeExceptionally(new SendException(SendException.Reason.SHUTDOWN, 0, "the bot is stopping",
                Optional.empty()));
        return job.result;
    }

    private void dispatch() {
        while (true) {
            Job<?> job;
            List<Runnable> failures;
            lock.lock();
            try {
                job = nextJob();
                if (job != null) {
                    inFlight++;
                    inFlightByLane.merge(job.lane, 1, Integer::sum);
                    if (job.countsAsMessage()) {
                        chatsInFlight.add(job.chatId);
                    }
                }
                failures = takeDeferred();
            } finally {
                lock.unlock();
            }
            failures.forEach(Runnable::run);
            if (job == null) {
                starter.shutdown();
                return;
            }
            startOn(job);
        }
    }

    /** The one message in flight per chat keeps each chat's order, whichever thread makes the call. */
    private void startOn(Job<?> job) {
        if (job.startsElsewhere) {
            try {
                starter.execute(() -> start(job));
                return;
            } catch (RejectedExecutionException e) {
                // stopping: make the call here
            }
        }
        start(job);
    }

    /** The failures decided so far, to be completed once the lock is released. Called with the lock held. */
    private List<Runnable> takeDeferred() {
        if (deferredCompletions.isEmpty()) {
            return List.of();
        }
        List<Runnable> due = new ArrayList<>(deferredCompletions);
        deferredCompletions.clear();
        return due;
    }

    /** Waits for the next job that may go now; null once closed and drained. Called with the lock held. */
    private Job<?> nextJob() {
        while (true) {
            long now = System.nanoTime();
            if (closing && (isEmpty() || now > drainDeadline)) {
                failRemaining();
                return null;
            }
            Pick pick = pick(now);
            if (pick.job != null) {
                return pick.job;
            }
            long wait = Math.min(MAX_IDLE_WAIT_NANOS, pick.waitNanos);
            try {
                changed.awaitNanos(Math.max(wait, 100_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failRemaining();
                return null;
            }
        }
    }

    private record Pick(Job<?> job, long waitNanos) {
    }

    /** The first job, by lane priority then age, that no limit holds back. Called with the lock held. */
    private Pick pick(long now) {
        long wait = Long.MAX_VALUE;
        for (Lane lane : Lane.values()) {
            boolean paced = lane != Lane.INTERACTIVE;
            long globalWait = paced ? Math.max(global.waitNanos(now, keptForReplies),
                    lastPacedStart + pacingNanos - now) : global.waitNanos(now);
            if (inFlightByLane.getOrDefault(lane, 0) >= MAX_IN_FLIGHT_PER_LANE) {
                continue;
            }
            Set<Long> heldChats = new HashSet<>();
            for (Iterator<Job<?>> it = lanes.get(lane).iterator(); it.hasNext(); ) {
                Job<?> job = it.next();
                boolean message = job.countsAsMessage();
                if (message && (heldChats.contains(job.chatId) || chatsInFlight.contains(job.chatId))) {
                    heldChats.add(job.chatId);
                    continue;
                }
                if (job.notBefore > now) {
                    wait = Math.min(wait, job.notBefore - now);
                    if (message) {
                        heldChats.add(job.chatId);
                    }
                    continue;
                }
                if (message) {
                    SlidingWindow chatWindow = chatWindow(job.chatId);
                    long chatWait = chatWindow.waitNanos(now);
                    if (chatWait > 0 || globalWait > 0) {
                        wait = Math.min(wait, Math.max(chatWait, globalWait));
                        heldChats.add(job.chatId);
                        continue;
                    }
                    job.slots = new SlidingWindow.Slot[] {chatWindow.take(), global.take()};
                    if (paced) {
                        lastPacedStart = now;
                    }
                }
                it.remove();
                return new Pick(job, 0);
            }
        }
        return new Pick(null, wait);
    }

    private SlidingWindow chatWindow(long chatId) {
        if (chatWindows.size() > MAX_CHAT_WINDOWS) {
            long now = System.nanoTime();
            chatWindows.values().removeIf(window -> window.isIdle(now));
        }
        // private chats have positive ids (the user's id); groups and channels negative ones
        return chatWindows.computeIfAbsent(chatId, id -> id > 0
                ? SlidingWindow.perSecond(settings.privateChatPerSecond())
                : SlidingWindow.perMinute(settings.groupPerMinute()));
    }

    @SuppressWarnings("unchecked")
    private <T> void start(Job<T> job) {
        job.attempts++;
        CompletableFuture<T> call;
        try {
            call = job.call.get();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((result, error) -> finished(job, result, error));
    }

    private <T> void finished(Job<T> job, T result, Throwable error) {
        Outcome outcome;
        List<Runnable> failures;
        lock.lock();
        try {
            inFlight--;
            inFlightByLane.merge(job.lane, -1, Integer::sum);
            chatsInFlight.remove(job.chatId);
            if (job.slots != null) {
                long now = System.nanoTime();
                for (SlidingWindow.Slot slot : job.slots) {
                    SlidingWindow.answered(slot, now);
                }
                job.slots = null;
            }
            // a null result is Telegram's "ok: true" with a result we could not read: delivered all the same
            outcome = error != null ? retryOrFail(job, unwrap(error)) : result == null ? Outcome.OK_UNREADABLE
                    : Outcome.OK;
            failures = takeDeferred();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        failures.forEach(Runnable::run);
        // one line per call: what, to which chat, how it ended; never its text
        log.info("send {} {} chat {}: {} (attempt {})", job.method, job.lane.name().toLowerCase(java.util.Locale.ROOT),
                job.chatId, outcome, job.attempts);
        listener.sent(job.method, job.lane, outcome);
        if (error == null) {
            job.result.complete(result);
        }
    }

    /** The delivery rules. Called with the lock held; a final failure is completed once the lock is released. */
    private Outcome retryOrFail(Job<?> job, Throwable error) {
        int code = 0;
        String description = String.valueOf(error.getMessage());
        Optional<Long> migrateTo = Optional.empty();
        Integer retryAfter = null;
        if (error instanceof ApiRefusal) {
            ApiRefusal refusal = (ApiRefusal) error;
            code = refusal.code();
            retryAfter = refusal.retryAfterSeconds().orElse(null);
            migrateTo = refusal.migrateToChatId();
        }
        if (error instanceof SendException) {
            // taken back before the call: nothing was sent, nothing to retry
            deferredCompletions.add(() -> job.result.completeExceptionally(error));
            return Outcome.WITHDRAWN;
        }
        long now = System.nanoTime();
        if (code == 429) {
            job.attempts--; // waiting is Telegram's request, not a failure
            job.notBefore = now + TimeUnit.SECONDS.toNanos(retryAfter == null ? 1 : Math.max(1, retryAfter));
            lanes.get(job.lane).addFirst(job);
            log.info("{} to chat {} rate-limited by Telegram: retrying after {}s", job.method, job.chatId, retryAfter);
            return Outcome.RATE_LIMITED;
        }
        if (code == 403) {
            fail(job, SendException.Reason.FORBIDDEN, code, description, migrateTo);
            return Outcome.FORBIDDEN;
        }
        if (code >= 400 && code < 500) {
            fail(job, SendException.Reason.REJECTED, code, description, migrateTo);
            return Outcome.REJECTED;
        }
        boolean transientError = code >= 500 || code == 0 || error instanceof IOException;
        if (transientError && job.attempts < settings.maxAttempts() && !closing) {
            long backoff = Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(500L << Math.min(job.attempts, 10)));
            job.notBefore = now + backoff;
            lanes.get(job.lane).addFirst(job);
            log.info("{} to chat {} failed ({} {}), attempt {} of {}", job.method, job.chatId, code, description,
                    job.attempts, settings.maxAttempts());
            return Outcome.RETRYING;
        }
        fail(job, SendException.Reason.GAVE_UP, code, description, migrateTo);
        return Outcome.GAVE_UP;
    }

    /** Fails a job once the lock is released. Called with the lock held. */
    private void fail(Job<?> job, SendException.Reason reason, int code, String description,
                      Optional<Long> migrateTo) {
        SendException failure = new SendException(reason, code, description, migrateTo);
        deferredCompletions.add(() -> job.result.completeExceptionally(failure));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private boolean isEmpty() {
        return inFlight == 0 && lanes.values().stream().allMatch(ArrayDeque::isEmpty);
    }

    private void failRemaining() {
        for (ArrayDeque<Job<?>> queue : lanes.values()) {
            for (Job<?> job : queue) {
                fail(job, SendException.Reason.SHUTDOWN, 0, "the bot stopped before this was sent", Optional.empty());
            }
            queue.clear();
        }
    }

    /**
     * Stops taking new calls, sends what is queued for up to {@code grace}, then fails the rest; calls already
     * made are waited for within the same time.
     */
    public void close(java.time.Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            closing = true;
            drainDeadline = deadline;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            dispatcher.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 100));
            lock.lock();
            try {
                while (inFlight > 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(1)) {
                    changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(3));
    }

    /** The result of one attempt, for metrics. */
    public enum Outcome { OK, OK_UNREADABLE, RATE_LIMITED, RETRYING, FORBIDDEN, REJECTED, GAVE_UP, WITHDRAWN }

    /** Told about every attempt; metrics listen here. Must be quick and thread-safe. */
    @FunctionalInterface
    public interface SendListener {
        void sent(String method, Lane lane, Outcome outcome);

        SendListener NONE = (method, lane, outcome) -> { };
    }

    private static final class Job<T> {
        final Lane lane;
        final long chatId;
        final String method;
        final Supplier<CompletableFuture<T>> call;
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** Its call is made on the starter threads: it asks the database first. */
        final boolean startsElsewhere;
        int attempts;
        long notBefore;
        /** The places this attempt holds in the chat's and the overall window. */
        SlidingWindow.Slot[] slots;

        Job(Lane lane, long chatId, String method, Supplier<CompletableFuture<T>> call, boolean startsElsewhere) {
            this.lane = lane;
            this.chatId = chatId;
            this.method = method;
            this.call = call;
            this.startsElsewhere = startsElsewhere;
        }

        boolean countsAsMessage() {
            return chatId != 0;
        }
    }
}
