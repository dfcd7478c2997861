package org.ccin.bot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.SendException;
import org.ccin.bot.telegram.Sender;
import org.ccin.bot.telegram.WakeSignal;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Feeds the outbox to the Sender: claims due rows (PENDING → SENDING) a few at a time per lane, so that the
 * Sender's queues stay short and interactive replies always find room, and settles each row by the delivery rules:
 * SENT with Telegram's message id; 403 → BLOCKED and the person marked unreachable; other 4xx → FAILED; server
 * errors on every attempt → DEAD; a call never made because the bot stopped → back to PENDING.
 *
 * <p>Each row is marked as called just before its Bot API call is made. At start, rows left SENDING by a process that
 * died are resolved by {@link OutboxRepository#resolveInterrupted}: never called → sent; called → sent again (it may
 * arrive twice; it is never lost). Rows an older version left UNCERTAIN get the same rule when at most a week old.
 * Thread-safe.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Rows handed to the Sender and not yet settled, per lane: enough to keep it busy at 25 messages a second. */
    private static final int IN_FLIGHT_PER_LANE = 40;
    /** Rows an older version left uncertain are sent again when this recent: a reminder's next slot is a week on. */
    private static final Duration UNCERTAIN_WORTH_SENDING = Duration.ofDays(7);

    private final OutboxRepository outbox;
    private final MemberRepository members;
    private final Sender sender;
    private final Map<String, DeliveryListener> listeners = new ConcurrentHashMap<>();
    private final Map<OutboxLane, AtomicInteger> inFlight = Map.of(OutboxLane.REMINDER, new AtomicInteger(),
            OutboxLane.BROADCAST, new AtomicInteger());
    private final WakeSignal wake = new WakeSignal();
    private final Thread feeder;
    private volatile boolean stopping;
    private volatile java.util.function.BiConsumer<String, OutboxStatus> settledListener = (kind, status) -> { };

    public OutboxDispatcher(OutboxRepository outbox, MemberRepository members, Sender sender) {
        this.outbox = outbox;
        this.members = members;
        this.sender = sender;
        this.feeder = new Thread(this::feed, "outbox");
        this.feeder.setDaemon(true);
    }

    /** Told of every settled message, whatever its kind (metrics). */
    public void onSettled(java.util.function.BiConsumer<String, OutboxStatus> listener) {
        this.settledListener = listener;
    }

    /** The feature that queues messages of this kind wants to know how each ended. */
    public void listen(String kind, DeliveryListener listener) {
        listeners.put(kind, listener);
    }

    public void start() {
        OutboxRepository.Interrupted interrupted = outbox.resolveInterrupted();
        if (interrupted.requeued() + interrupted.resent() > 0) {
            log.warn("when the bot stopped last time, {} messages were waiting to be sent (they will be) and {} were "
                    + "being sent (sent again: those may arrive twice)", interrupted.requeued(), interrupted.resent());
        }
        OutboxRepository.LeftUncertain uncertain = outbox.resolveLeftUncertain(UNCERTAIN_WORTH_SENDING);
        if (uncertain.resent() + uncertain.retired() > 0) {
            log.warn("an older version of the bot left {} messages uncertain after a crash: {} of the last {} days are "
                    + "sent again (they may arrive twice), {} older ones are given up", uncertain.resent()
                    + uncertain.retired(), uncertain.resent(), UNCERTAIN_WORTH_SENDING.toDays(), uncertain.retired());
        }
        feeder.start();
    }

    /** New messages are due now. */
    public void wake() {
        wake.signal();
    }

    private void feed() {
        while (!stopping) {
            try {
                boolean busy = false;
                for (OutboxLane lane : OutboxLane.values()) {
                    busy |= feed(lane);
                }
                if (!busy) {
                    await(Duration.ofSeconds(1));
                } else {
                    await(Duration.ofMillis(50));
                }
            } catch (RuntimeException e) {
                log.error("reading the outbox failed; trying again in a second", e);
                await(Duration.ofSeconds(1));
            }
        }
    }

    /** Claims what the lane has room for; true when it claimed something. */
    private boolean feed(OutboxLane lane) {
        int room = IN_FLIGHT_PER_LANE - inFlight.get(lane).get();
        if (room <= 0 || stopping) {
            return false;
        }
        List<OutboxRow> rows = outbox.claim(lane, room);
        for (OutboxRow row : rows) {
            inFlight.get(lane).incrementAndGet();
            send(row).whenComplete((message, error) -> settle(row, message, error));
        }
        return !rows.isEmpty();
    }

    private CompletableFuture<? extends Serializable> send(OutboxRow row) {
        Lane lane = row.lane() == OutboxLane.REMINDER ? Lane.REMINDER : Lane.BROADCAST;
        OutgoingMessage message;
        try {
            message = OutgoingMessage.parse(row.payload());
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.REJECTED, 0,
                    "unreadable stored message: " + e.getOriginalMessage(), Optional.empty()));
        }
        return message.sendWith(sender, lane, row.chatId(), () -> outbox.markCalled(row));
    }

    private void settle(OutboxRow row, Serializable result, Throwable error) {
        try {
            OutboxStatus outcome;
            Optional<Integer> messageId = Optional.empty();
            if (error == null) {
                messageId = result instanceof Message ? Optional.of(((Message) result).getMessageId()) : Optional.empty();
                outbox.markSent(row.id(), messageId);
                outcome = OutboxStatus.SENT;
            } else {
                Throwable cause = error.getCause() != null && !(error instanceof SendException) ? error.getCause() : error;
                SendException failure = cause instanceof SendException ? (SendException) cause
                        : new SendException(SendException.Reason.GAVE_UP, 0, String.valueOf(cause), Optional.empty());
                outcome = outcomeOf(failure);
                if (outcome == OutboxStatus.PENDING) {
                    outbox.release(row.id());
                } else if (failure.reason() == SendException.Reason.WITHDRAWN) {
                    // paused or cancelled while it waited: the row was moved already
                    log.info("outbox {} {} to chat {}: taken back before sending", row.id(), row.kind(), row.chatId());
                    return;
                } else {
                    outbox.markFailed(row.id(), outcome, failure.getMessage());
                }
                if (outcome == OutboxStatus.BLOCKED && row.chatId() > 0) {
                    members.markUnreachable(row.chatId());
                }
            }
            log.debug("outbox {} {} to chat {}: {}", row.id(), row.kind(), row.chatId(), outcome);
            if (outcome != OutboxStatus.PENDING) {
                settledListener.accept(row.kind(), outcome);
            }
            DeliveryListener listener = listeners.get(row.kind());
            if (listener != null && outcome != OutboxStatus.PENDING) {
                listener.delivered(row, outcome, messageId);
            }
        } catch (RuntimeException e) {
            log.error("settling outbox row {} failed", row.id(), e);
        } finally {
            inFlight.get(row.lane()).decrementAndGet();
            wake();
        }
    }

    private static OutboxStatus outcomeOf(SendException failure) {
        switch (failure.reason()) {
            case FORBIDDEN: return OutboxStatus.BLOCKED;
            case REJECTED: return OutboxStatus.FAILED;
            case SHUTDOWN: return OutboxStatus.PENDING;
            case WITHDRAWN: return OutboxStatus.HELD;
            default: return OutboxStatus.DEAD;
        }
    }

    private void await(Duration timeout) {
        wake.await(timeout, () -> stopping);
    }

    /** How many claimed rows wait for their answer. */
    public int inFlight() {
        return inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * Stops claiming; the rows already handed to the Sender finish (or come back as PENDING when the Sender stops),
     * so no row is left SENDING. Call before closing the Sender, then {@link #awaitSettled}.
     */
    @Override
    public void close() {
        stopping = true;
        wake();
        try {
            feeder.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every claimed row is settled, up to the timeout. */
    public boolean awaitSettled(Duration timeout) {
        return wake.awaitUntil(() -> inFlight() == 0, timeout, Duration.ofMillis(50));
    }
}
