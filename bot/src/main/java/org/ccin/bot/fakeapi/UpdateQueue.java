package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The updates waiting for the bot, handed out by long polling ({@code getUpdates}) or pushed to a webhook, with
 * Telegram's rules: ids count up; an offset confirms every update below it for good; at most one long poll at a
 * time; no {@code getUpdates} while a webhook is set; update types filtered by {@code allowed_updates}.
 */
final class UpdateQueue {
    /** Telegram sends these only to bots that ask for them by name in {@code allowed_updates}. */
    private static final Set<String> OPT_IN_TYPES = Set.of("chat_member", "message_reaction",
            "message_reaction_count");

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ScheduledExecutorService timer;
    private final LongSupplier epochSeconds;
    private final Deque<Entry> pending = new ArrayDeque<>();
    /** Updates a test asked to deliver again; they go out once, ahead of the others, whatever the offset. */
    private final Deque<Entry> redeliveries = new ArrayDeque<>();
    private final Map<Integer, Entry> history = new HashMap<>();
    private int nextId;
    private Set<String> allowedUpdates = Set.of();
    private Webhook webhook;
    private int webhookGeneration;
    private Poll waitingPoll;
    private long lastErrorDate;
    private String lastErrorMessage = "";
    private boolean closed;

    record Entry(int id, ObjectNode update, String type) {
    }

    record Webhook(String url, String secretToken, int maxConnections) {
    }

    /** One update to push, with the webhook it goes to. */
    record WebhookDelivery(Entry entry, boolean redelivery, Webhook webhook, int generation) {
        String body() {
            return Json.write(entry.update());
        }
    }

    private static final class Poll {
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        final long offset;
        final int limit;
        ScheduledFuture<?> timeout;

        Poll(long offset, int limit) {
            this.offset = offset;
            this.limit = limit;
        }
    }

    UpdateQueue(int firstUpdateId, ScheduledExecutorService timer, LongSupplier epochSeconds) {
        this.nextId = firstUpdateId;
        this.timer = timer;
        this.epochSeconds = epochSeconds;
    }

    /** Queues an update (its {@code update_id} is given here) and wakes a waiting long poll. */
    int add(ObjectNode update) {
        Runnable wakeUp;
        int id;
        lock.lock();
        try {
            id = nextId++;
            ObjectNode stored = Json.object().put("update_id", id);
            update.properties().forEach(field -> {
                if (!field.getKey().equals("update_id")) {
                    stored.set(field.getKey(), field.getValue().deepCopy());
                }
            });
            Entry entry = new Entry(id, stored, typeOf(stored));
            pending.addLast(entry);
            history.put(id, entry);
            changed.signalAll();
            wakeUp = answerWaitingPoll();
        } finally {
            lock.unlock();
        }
        wakeUp.run();
        return id;
    }

    /** Delivers an update once more with the same id, as Telegram does when a confirmation got lost. */
    void redeliver(int updateId) {
        Runnable wakeUp;
        lock.lock();
        try {
            Entry entry = history.get(updateId);
            if (entry == null) {
                throw new IllegalArgumentException("no update " + updateId + " was ever queued");
            }
            redeliveries.addLast(entry);
            changed.signalAll();
            wakeUp = answerWaitingPoll();
        } finally {
            lock.unlock();
        }
        wakeUp.run();
    }

    /**
     * {@code getUpdates}: confirms what lies below the offset, then answers at once when updates are ready, or
     * when one arrives, or with an empty list after the timeout.
     */
    CompletableFuture<JsonNode> poll(long offset, int limit, int timeoutSeconds, Optional<Set<String>> allowed) {
        Runnable terminateOther = () -> { };
        CompletableFuture<JsonNode> answer;
        lock.lock();
        try {
            if (closed) {
                return CompletableFuture.completedFuture(Json.array());
            }
            if (webhook != null) {
                throw ApiError.conflict("can't use getUpdates method while webhook is active; "
                        + "use deleteWebhook to delete the webhook first");
            }
            allowed.ifPresent(types -> allowedUpdates = Set.copyOf(types));
            long effectiveOffset = confirm(offset);
            terminateOther = terminateWaitingPoll("terminated by other getUpdates request; "
                    + "make sure that only one bot instance is running");
            ArrayNode ready = take(effectiveOffset, limit);
            if (!ready.isEmpty() || timeoutSeconds <= 0) {
                answer = CompletableFuture.completedFuture(ready);
            } else {
                Poll poll = new Poll(effectiveOffset, limit);
                poll.timeout = timer.schedule(() -> expire(poll), timeoutSeconds, TimeUnit.SECONDS);
                waitingPoll = poll;
                changed.signalAll();
                answer = poll.answer;
            }
        } finally {
            lock.unlock();
        }
        terminateOther.run();
        return answer;
    }

    /** Waits until a long poll is waiting here; false when none came within the time. */
    boolean awaitWaitingPoll(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (waitingPoll == null && !closed && left > 0) {
                left = changed.awaitNanos(left);
            }
            return waitingPoll != null;
        } finally {
            lock.unlock();
        }
    }

    void setWebhook(Webhook newWebhook, Optional<Set<String>> allowed, boolean dropPending) {
        Runnable terminate;
        lock.lock();
        try {
            webhook = newWebhook;
            webhookGeneration++;
            allowed.ifPresent(types -> allowedUpdates = Set.copyOf(types));
            if (dropPending) {
                dropPending();
            }
            lastErrorDate = 0;
            lastErrorMessage = "";
            terminate = terminateWaitingPoll("terminated by setWebhook request");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        terminate.run();
    }

    void deleteWebhook(boolean dropPending) {
        lock.lock();
        try {
            webhook = null;
            webhookGeneration++;
            if (dropPending) {
                dropPending();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Optional<Webhook> webhook() {
        lock.lock();
        try {
            return Optional.ofNullable(webhook);
        } finally {
            lock.unlock();
        }
    }

    int pendingCount() {
        lock.lock();
        try {
            return pending.size() + redeliveries.size();
        } finally {
            lock.unlock();
        }
    }

    /** {@code getWebhookInfo}. */
    ObjectNode webhookInfo() {
        lock.lock();
        try {
            ObjectNode info = Json.object().put("url", webhook == null ? "" : webhook.url())
                    .put("has_custom_certificate", false)
                    .put("pending_update_count", pending.size() + redeliveries.size());
            if (webhook != null) {
                info.put("max_connections", webhook.maxConnections());
                if (!allowedUpdates.isEmpty()) {
                    ArrayNode types = info.putArray("allowed_updates");
                    allowedUpdates.stream().sorted().forEach(types::add);
                }
                if (lastErrorDate != 0) {
                    info.put("last_error_date", lastErrorDate).put("last_error_message", lastErrorMessage);
                }
            }
            return info;
        } finally {
            lock.unlock();
        }
    }

    /** For the webhook pusher: the next update to push, waiting for one; empty once closed. */
    Optional<WebhookDelivery> awaitWebhookWork() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                if (webhook != null) {
                    Optional<WebhookDelivery> next = nextForWebhook();
                    if (next.isPresent()) {
                        return next;
                    }
                }
                changed.await();
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** The webhook answered 2xx: the update is confirmed. */
    void webhookDelivered(WebhookDelivery delivery) {
        lock.lock();
        try {
            (delivery.redelivery() ? redeliveries : pending).remove(delivery.entry());
        } finally {
            lock.unlock();
        }
    }

    /** The webhook failed: note it for getWebhookInfo and wait before the update is tried again. */
    void webhookFailed(WebhookDelivery delivery, String error, Duration retryDelay) throws InterruptedException {
        lock.lock();
        try {
            lastErrorDate = epochSeconds.getAsLong();
            lastErrorMessage = error;
            long left = retryDelay.toNanos();
            // a new webhook (or close) ends the wait early; new updates do not
            while (left > 0 && !closed && webhookGeneration == delivery.generation()) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter: a long poll answers an empty list, the pusher stops. */
    void close() {
        Poll poll;
        lock.lock();
        try {
            closed = true;
            poll = waitingPoll;
            waitingPoll = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (poll != null) {
            poll.timeout.cancel(false);
            poll.answer.complete(Json.array());
        }
    }

    // ---- with the lock held

    /** Forgets what the offset confirms and answers the offset to read from. */
    private long confirm(long offset) {
        if (offset > 0) {
            while (!pending.isEmpty() && pending.peekFirst().id() < offset) {
                pending.removeFirst();
            }
            return offset;
        }
        if (offset < 0) {
            // Telegram: a negative offset keeps only the last -offset updates
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
            return pending.isEmpty() ? nextId : pending.peekFirst().id();
        }
        return 0;
    }

    private ArrayNode take(long offset, int limit) {
        ArrayNode ready = Json.array();
        while (!redeliveries.isEmpty() && ready.size() < limit) {
            Entry entry = redeliveries.removeFirst();
            if (isAllowed(entry)) {
                ready.add(entry.update().deepCopy());
            }
        }
        for (Iterator<Entry> it = pending.iterator(); it.hasNext() && ready.size() < limit; ) {
            Entry entry = it.next();
            if (!isAllowed(entry)) {
                it.remove(); // Telegram never stores updates of types the bot did not ask for
            } else if (entry.id() >= offset) {
                ready.add(entry.update().deepCopy());
            }
        }
        return ready;
    }

    private Optional<WebhookDelivery> nextForWebhook() {
        while (!redeliveries.isEmpty()) {
            Entry entry = redeliveries.peekFirst();
            if (isAllowed(entry)) {
                return Optional.of(new WebhookDelivery(entry, true, webhook, webhookGeneration));
            }
            redeliveries.removeFirst();
        }
        while (!pending.isEmpty()) {
            Entry entry = pending.peekFirst();
            if (isAllowed(entry)) {
                return Optional.of(new WebhookDelivery(entry, false, webhook, webhookGeneration));
            }
            pending.removeFirst();
        }
        return Optional.empty();
    }

    private boolean isAllowed(Entry entry) {
        return allowedUpdates.isEmpty() ? !OPT_IN_TYPES.contains(entry.type()) : allowedUpdates.contains(entry.type());
    }

    private Runnable answerWaitingPoll() {
        Poll poll = waitingPoll;
        if (poll == null) {
            return () -> { };
        }
        ArrayNode ready = take(poll.offset, poll.limit);
        if (ready.isEmpty()) {
            return () -> { };
        }
        waitingPoll = null;
        poll.timeout.cancel(false);
        // completed after the lock is released: completing runs the HTTP answer
        return () -> poll.answer.complete(ready);
    }

    private Runnable terminateWaitingPoll(String why) {
        Poll poll = waitingPoll;
        if (poll == null) {
            return () -> { };
        }
        waitingPoll = null;
        poll.timeout.cancel(false);
        return () -> poll.answer.completeExceptionally(ApiError.conflict(why));
    }

    private void expire(Poll poll) {
        lock.lock();
        try {
            if (waitingPoll == poll) {
                waitingPoll = null;
            }
        } finally {
            lock.unlock();
        }
        poll.answer.complete(Json.array());
    }

    private void dropPending() {
        pending.clear();
        redeliveries.clear();
    }

    private static String typeOf(ObjectNode update) {
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "";
    }
}
