package org.ccin.bot.telegram;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** What we last heard from Telegram, for /health. Thread-safe. */
public final class TelegramHealth {
    /** The state of the connection. */
    public enum State { STARTING, OK, FAILING }

    /** A snapshot: the state, when it was last fine, and the last problem. */
    public record Snapshot(State state, Optional<Instant> lastOk, Optional<String> lastProblem) {
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(
            new Snapshot(State.STARTING, Optional.empty(), Optional.empty()));

    public TelegramHealth(Clock clock) {
        this.clock = clock;
    }

    public void ok() {
        snapshot.set(new Snapshot(State.OK, Optional.of(clock.instant()), Optional.empty()));
    }

    /** Records a problem; the problem text must not contain the token. */
    public void failing(String problem) {
        snapshot.updateAndGet(s -> new Snapshot(State.FAILING, s.lastOk(), Optional.of(problem)));
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }
}
