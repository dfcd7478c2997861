package org.ccin.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.RoleResolver;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.routing.Features;
import org.ccin.bot.routing.FloodGuard;
import org.ccin.bot.routing.UpdateRouter;
import org.ccin.bot.telegram.BotIdentity;
import org.ccin.bot.telegram.InboxProcessor;
import org.ccin.bot.telegram.LongPoller;
import org.ccin.bot.telegram.Sender;
import org.ccin.bot.telegram.TelegramConnection;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.bot.telegram.UpdateCodec;
import org.ccin.bot.telegram.UpdateIntake;
import org.ccin.bot.telegram.WebhookReceiver;
import org.ccin.bot.ops.HealthCheck;
import org.ccin.bot.ops.Metrics;
import org.ccin.bot.ops.StartupTimer;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.WebServer;
import org.ccin.bot.web.WebhookController;
import org.ccin.config.BotConfig;
import org.ccin.config.Mode;
import org.ccin.scheduler.RoutineScheduler;
import org.ccin.store.Database;
import org.ccin.store.DatabaseLock;
import org.ccin.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part with plain constructors, starts them in order, and stops them in the
 * reverse order so that nothing is half done: first no new updates and no new scheduled work, then the running
 * handlers finish, then the outbox stops claiming and the queued messages go out (or go back to waiting).
 */
public final class BotApplication implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotApplication.class);

    private final BotConfig config;
    private final Store store;
    private final TelegramConnection connection;
    private final Sender sender;
    private final OutboxDispatcher outbox;
    private final BotIdentity identity = new BotIdentity();
    private final Features features;
    private final InboxProcessor processor;
    private final Optional<LongPoller> polling;
    private final HealthCheck health;
    private final Optional<WebhookReceiver> webhookReceiver;
    private final WebServer web;
    private final RoutineScheduler scheduler;
    private final Metrics metrics;
    private final List<AutoCloseable> stopOrder = new ArrayList<>();
    private final DatabaseLock lock;
    private final StartupTimer timer;
    private boolean closed;

    private BotApplication(BotConfig config, Clock clock, List<WebRoutes> extraRoutes, DatabaseLock lock,
                           StartupTimer timer) {
        this.config = config;
        this.lock = lock;
        this.timer = timer;
        this.store = new Store(Database.open(config.database().path()), clock, config.conversations().expireAfter());
        timer.mark("database and migrations");
        if (config.loadSampleData()) {
            SampleData.loadIfEmpty(store.referenceData(), store.auditLog(), org.ccin.store.importing.ImportSections
                    .importer(store, new org.ccin.store.plan.MilestoneDates(config.plan().seasonEnds())));
            timer.mark("sample data");
        }
        Messages messages = new Messages();
        TelegramHealth callsHealth = new TelegramHealth(clock);
        this.connection = new TelegramConnection(config.telegram(), config.sending(), callsHealth);
        this.metrics = new Metrics(store.outbox(), store.newsletters().issues());
        this.sender = new Sender(connection.calls(), config.sending(), metrics);
        this.outbox = new OutboxDispatcher(store.outbox(), store.members(), sender);
        outbox.onSettled(metrics::outboxSettled);

        LanguagePreference languages = new LanguagePreference(store.members(),
                Language.fromCode(config.defaultLanguage()).orElse(Language.EN));
        this.features = BotFeatures.create(new Services(config, store, messages, sender, outbox, clock, identity,
                this::publicUrl, languages));
        features.deliveryListeners().forEach(outbox::listen);
        RoleResolver roles = new RoleResolver(config, store.members(), features.roleSources());
        UpdateRouter router = new UpdateRouter(features, messages, languages, store.members(), store.conversations(),
                roles, sender, identity::username,
                new FloodGuard(config.updates().personBurst(), config.updates().personPerSecond()));

        UpdateCodec codec = new UpdateCodec();
        UpdateIntake intake = new UpdateIntake(codec, metrics::updateQuarantined);
        this.processor = new InboxProcessor(store.inbox(), codec, router::route, config.updates().workers(),
                metrics::updateHandled);
        Optional<TelegramHealth> pollingHealth;
        if (config.telegram().mode() == Mode.WEBHOOK) {
            this.webhookReceiver = Optional.of(new WebhookReceiver(config.telegram(), store.inbox(), codec, intake,
                    processor::wake));
            this.polling = Optional.empty();
            pollingHealth = Optional.empty();
        } else {
            this.webhookReceiver = Optional.empty();
            pollingHealth = Optional.of(new TelegramHealth(clock));
            this.polling = Optional.of(new LongPoller(connection, store.inbox(), intake, processor::wake,
                    pollingHealth.get(), config.telegram().pollTimeoutSeconds()));
        }
        this.health = new HealthCheck(store.database(), store.inbox(), config.telegram().mode(), pollingHealth,
                callsHealth, config.health(), clock);
        List<WebRoutes> routes = allRoutes(features.webRoutes(), extraRoutes, metrics);
        routes.add(health);
        this.web = new WebServer(config.web().host(), config.web().port(), webhookReceiver.map(WebhookController::new),
                routes, config.telegram().webhookMaxBodyBytes());
        this.scheduler = new RoutineScheduler(config.zone(), 2);
    }

    /** Builds and starts the bot. */
    public static BotApplication start(BotConfig config, Clock clock) throws Exception {
        return start(config, clock, List.of());
    }

    /** The same, with more web routes (the sandbox of the {@code demo} command). */
    public static BotApplication start(BotConfig config, Clock clock, List<WebRoutes> extraRoutes) throws Exception {
        // held while the bot runs: backup and restore refuse to work under it, and a second bot cannot start
        StartupTimer timer = new StartupTimer();
        DatabaseLock lock = DatabaseLock.acquire(config.database().path(), "start it again");
        BotApplication app;
        try {
            app = new BotApplication(config, clock, extraRoutes, lock, timer);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        try {
            app.startParts();
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void startParts() throws Exception {
        stopOrder.add(lock);
        stopOrder.add(store.database());
        stopOrder.add(connection);
        // the Sender answers a call's future just after it counts the call as done: wait for the outbox to record
        // each answer (SENT, or back to PENDING) before the connection and the database close
        stopOrder.add(() -> {
            if (!outbox.awaitSettled(Duration.ofSeconds(2))) {
                log.warn("{} messages were still being sent at the stop; they are resolved at the next start",
                        outbox.inFlight());
            }
        });
        stopOrder.add(() -> sender.close(Duration.ofSeconds(3)));
        timer.mark("features and wiring");
        identity.discover(connection.client());
        timer.mark("Telegram (getMe)");
        stopOrder.add(identity);
        outbox.start();
        stopOrder.add(() -> {
            outbox.close();
            // the Sender is closed after this: what it drops comes back to the outbox as PENDING
        });
        processor.start();
        // SIGTERM must end within 10 seconds: 4 s for the handlers, 3 s for the Sender, 2 s for the outbox
        stopOrder.add(() -> processor.close(4_000));
        timer.mark("outbox and inbox");
        web.start();
        stopOrder.add(web);
        timer.mark("web server");
        health.start();
        stopOrder.add(health);
        scheduler.schedule(features.routines());
        scheduler.start();
        stopOrder.add(scheduler);
        features.routines().stream().filter(org.ccin.scheduler.Routine::runsAtStart).forEach(scheduler::runSoon);
        timer.mark("scheduler");
        if (polling.isPresent()) {
            polling.get().start();
            stopOrder.add(polling.get());
        }
        if (webhookReceiver.isPresent()) {
            webhookReceiver.get().register(connection.client());
        }
        features.startTasks().forEach(Runnable::run);
        timer.mark("polling or webhook");
        // the case-study search's model loads after start-up, in the background: words alone answer until then
        store.caseStudySearch().startInBackground();
        stopOrder.add(store.caseStudySearch());
        log.info("ccin-bot started: {} mode, web port {}, database {}", config.telegram().mode().name().toLowerCase(),
                web.port(), store.database().file());
        log.info("started in {} ms since the JVM started: {}", timer.sinceJvmStartMillis(), timer.describe());
    }

    public Store store() {
        return store;
    }

    private static List<WebRoutes> allRoutes(List<WebRoutes> features, List<WebRoutes> extra, Metrics metrics) {
        List<WebRoutes> all = new ArrayList<>(features);
        all.addAll(extra);
        all.add(metrics);
        return all;
    }

    /** Where people open the bot's pages: the configured address, else this machine's web port. */
    private String publicUrl() {
        return config.web().publicUrl().orElse("http://localhost:" + web.port());
    }

    public Metrics metrics() {
        return metrics;
    }

    public int webPort() {
        return web.port();
    }

    public BotIdentity identity() {
        return identity;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    /** Runs a scheduled routine now, on this thread (tests, the sandbox, an operator's check). */
    public void runRoutine(String name) throws Exception {
        org.ccin.scheduler.Routine routine = features.routines().stream().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no routine " + name));
        routine.run();
    }

    /** Stops in reverse order of start; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = stopOrder.size() - 1; i >= 0; i--) {
            try {
                stopOrder.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
        log.info("ccin-bot stopped");
    }
}
