package org.ccin.bot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.bot.web.WebRoutes;
import org.ccin.config.BotConfig.HealthSettings;
import org.ccin.config.Mode;
import org.ccin.store.Database;
import org.ccin.store.inbox.InboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 when the bot is doing its job, else 503 with the reasons, as JSON for an operator or a
 * monitor. Not ok while the database does not answer, before Telegram first answered, when getUpdates (or, in
 * webhook mode, Telegram) has failed for longer than {@code health.telegramGrace}, or when updates have waited in
 * the inbox for longer than {@code health.inboxGrace}. Checked every few seconds as well, so that each change of
 * state is logged once even when nobody asks. Never shows the token. Thread-safe.
 */
public final class HealthCheck implements WebRoutes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);
    private static final Duration QUARANTINE_WINDOW = Duration.ofDays(1);

    /** One reason the bot is not ok: {@code key} names the kind (a change of kind is logged), {@code text} says it. */
    public record Problem(String key, String text) {
    }

    /** What the check found. */
    public record Report(List<Problem> problems, Map<String, Object> details) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Database database;
    private final InboxRepository inbox;
    private final Mode mode;
    private final Optional<TelegramHealth> polling;
    private final TelegramHealth calls;
    private final HealthSettings settings;
    private final Clock clock;
    private final AtomicReference<List<String>> lastKeys = new AtomicReference<>(List.of());
    private ScheduledExecutorService watcher;

    public HealthCheck(Database database, InboxRepository inbox, Mode mode, Optional<TelegramHealth> polling,
                       TelegramHealth calls, HealthSettings settings, Clock clock) {
        this.database = database;
        this.inbox = inbox;
        this.mode = mode;
        this.polling = polling;
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    /** Checks every five seconds, logging each change of state once. */
    public void start() {
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "health");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                log.warn("health check failed: {}", e.toString());
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    private void health(Context ctx) {
        Report report = evaluate();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ok() ? "ok" : "unavailable");
        if (!report.ok()) {
            body.put("problems", report.problems().stream().map(Problem::text).collect(Collectors.toList()));
        }
        body.putAll(report.details());
        ctx.header("Cache-Control", "no-store").status(report.ok() ? 200 : 503).json(body);
    }

    /** Checks now, and logs a change from the last check. */
    public Report evaluate() {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean databaseOk = database.isHealthy();
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("state", databaseOk ? "ok" : "failing");
        if (databaseOk) {
            db.put("pendingUpdates", inbox.countPending());
            db.put("unreadableUpdatesLastDay", inbox.countQuarantinedSince(clock.instant().minus(QUARANTINE_WINDOW)));
            checkInbox(problems, db);
        } else {
            problems.add(new Problem("database", "the database does not answer"));
        }
        details.put("database", db);
        Map<String, Object> telegram = new LinkedHashMap<>();
        telegram.put("mode", mode.name().toLowerCase());
        polling.ifPresent(health -> telegram.put("polling", channel(health, "getUpdates", "polling", problems)));
        telegram.put("calls", channel(calls, "Telegram's answers to the bot's calls", "calls", problems));
        details.put("telegram", telegram);
        logChange(problems);
        return new Report(List.copyOf(problems), details);
    }

    private void checkInbox(List<Problem> problems, Map<String, Object> db) {
        Optional<Instant> oldest = inbox.oldestPendingReceivedAt();
        if (oldest.isEmpty()) {
            return;
        }
        Duration waiting = Duration.between(oldest.get(), clock.instant());
        db.put("oldestPendingSeconds", Math.max(0, waiting.toSeconds()));
        if (waiting.compareTo(settings.inboxGrace()) > 0) {
            problems.add(new Problem("inbox", "updates have waited " + waiting.toSeconds()
                    + " s to be handled (more than " + settings.inboxGrace().toSeconds() + " s)"));
        }
    }

    private Map<String, Object> channel(TelegramHealth health, String what, String key, List<Problem> problems) {
        TelegramHealth.Snapshot snapshot = health.snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", snapshot.state().name().toLowerCase());
        snapshot.lastOk().ifPresent(at -> details.put("lastOk", at.toString()));
        snapshot.lastProblem().ifPresent(problem -> details.put("lastProblem", problem));
        Duration failing = health.failingFor();
        if (snapshot.state() == TelegramHealth.State.FAILING) {
            details.put("failingForSeconds", failing.toSeconds());
        }
        if (snapshot.state() == TelegramHealth.State.STARTING) {
            problems.add(new Problem(key + ":starting", "waiting for the first answer from Telegram (" + what + ")"));
        } else if (snapshot.state() == TelegramHealth.State.FAILING
                && failing.compareTo(settings.telegramGrace()) > 0) {
            problems.add(new Problem(key + ":failing", what + " failing for " + failing.toSeconds() + " s: "
                    + snapshot.lastProblem().orElse("")));
        }
        return details;
    }

    private void logChange(List<Problem> problems) {
        List<String> keys = problems.stream().map(Problem::key).sorted().collect(Collectors.toList());
        List<String> before = lastKeys.getAndSet(keys);
        if (before.equals(keys)) {
            return;
        }
        if (keys.isEmpty()) {
            log.info("health: ok");
        } else if (!keys.stream().allMatch(k -> k.endsWith(":starting"))) {
            log.warn("health: not ok: {}", problems.stream().map(Problem::text).collect(Collectors.joining("; ")));
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
