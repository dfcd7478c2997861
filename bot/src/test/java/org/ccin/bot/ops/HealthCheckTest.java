package org.ccin.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.config.BotConfig.HealthSettings;
import org.ccin.config.ManualClock;
import org.ccin.config.Mode;
import org.ccin.store.Database;
import org.ccin.store.inbox.IncomingUpdate;
import org.ccin.store.inbox.InboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /health says, on a real SQLite file, with the clocks the test moves. */
class HealthCheckTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TelegramHealth polling = new TelegramHealth(clock, nanos::get);
    private final TelegramHealth calls = new TelegramHealth(clock, nanos::get);
    private Database database;
    private InboxRepository inbox;
    private HealthCheck health;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("bot.db"));
        inbox = new InboxRepository(database, clock);
        health = new HealthCheck(database, inbox, Mode.POLLING, Optional.of(polling), calls,
                new HealthSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);
        polling.ok();
        calls.ok();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void passSeconds(long seconds) {
        nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    @DisplayName("Before Telegram first answered, health is not ok: the bot is not ready")
    void startingIsNotReady() {
        HealthCheck fresh = new HealthCheck(database, inbox, Mode.POLLING,
                Optional.of(new TelegramHealth(clock, nanos::get)), calls,
                new HealthSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);

        assertThat(fresh.evaluate().problems()).extracting(HealthCheck.Problem::text)
                .containsExactly("waiting for the first answer from Telegram (getUpdates)");
    }

    @Test
    @DisplayName("getUpdates failing is tolerated for the grace, then reported with its reason, and ok once it answers")
    void pollingFailurePastTheGrace() {
        polling.failing("getUpdates: 409 Conflict");
        passSeconds(59);
        assertThat(health.evaluate().ok()).isTrue();

        passSeconds(2);
        HealthCheck.Report report = health.evaluate();
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).extracting(HealthCheck.Problem::text)
                .containsExactly("getUpdates failing for 61 s: getUpdates: 409 Conflict");

        polling.ok();
        assertThat(health.evaluate().ok()).isTrue();
    }

    @Test
    @DisplayName("Updates waiting in the inbox beyond the bound make health not ok, however well Telegram answers")
    void stuckInbox() {
        inbox.store(List.of(IncomingUpdate.readable(1, 42, "message", "{\"update_id\":1}")));
        passSeconds(20);
        assertThat(health.evaluate().ok()).isTrue();

        passSeconds(20);
        HealthCheck.Report report = health.evaluate();
        assertThat(report.problems()).extracting(HealthCheck.Problem::text)
                .containsExactly("updates have waited 40 s to be handled (more than 30 s)");
        assertThat(report.details().toString()).contains("pendingUpdates=1");
    }

    @Test
    @DisplayName("Updates kept aside as unreadable are shown, but do not make health fail")
    void quarantinedAreCountedNotFailing() {
        inbox.store(List.of(IncomingUpdate.quarantined(1, 42, "message", "{\"update_id\":1}", "bad date")));
        passSeconds(120);

        HealthCheck.Report report = health.evaluate();
        assertThat(report.ok()).isTrue();
        assertThat(report.details().toString()).contains("unreadableUpdatesLastDay=1");
    }
}
