package org.ccin.bot.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * What we last heard from Telegram on one channel (long polling, or the calls the bot makes), for /health: whether
 * it answers, since when it fails, and the last problem. How long it has failed is measured on a monotonic clock
 * (a change of the wall clock never makes it look healthy or not). Thread-safe.
 */
public final class TelegramHealth {
    /** The state of the channel. */
    public enum State { STARTING, OK, FAILING }

    /**
     * A snapshot: the state, when it was last fine, the last problem, and (while failing) since when, in the
     * monotonic clock's nanoseconds.
     */
    public record Snapshot(State state, Optional<Instant> lastOk, Optional<String> lastProblem,
                           Optional<Long> failingSinceNanos) {
    }

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(
            new Snapshot(State.STARTING, Optional.empty(), Optional.empty(), Optional.empty()));

    public TelegramHealth(Clock clock) {
        this(clock, System::nanoTime);
    }

    public TelegramHealth(Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
    }

    /** Telegram answered. @return true when this ends a failure (the caller logs the recovery once) */
    public boolean ok() {
        Snapshot before = snapshot.getAndSet(new Snapshot(State.OK, Optional.of(clock.instant()), Optional.empty(),
                Optional.empty()));
        return before.state() == State.FAILING;
    }

    /**
     * Records a problem; the problem text must not contain the token.
     *
     * @return true when this starts a failure (the caller logs it once, not at every failed poll)
     */
    public boolean failing(String problem) {
        long now = nanoTime.getAsLong();
        Snapshot before = snapshot.getAndUpdate(s -> new Snapshot(State.FAILING, s.lastOk(), Optional.of(problem),
                Optional.of(s.failingSinceNanos().orElse(now))));
        return before.state() != State.FAILING;
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** How long it has failed without a good answer in between; zero while it answers. */
    public Duration failingFor() {
        return snapshot.get().failingSinceNanos().map(since -> Duration.ofNanos(nanoTime.getAsLong() - since))
                .orElse(Duration.ZERO);
    }

    /** How long since this was created, for a channel that has not answered yet. */
    public Duration sinceStart() {
        return Duration.ofNanos(nanoTime.getAsLong() - startedNanos);
    }
}
