package org.ccin.bot.fakeapi;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP side: {@code /bot<token>/<method>} (and the test-server form {@code /bot<token>/test/<method>}) by POST
 * or GET. Answers that come later (long polls, injected latency) are asynchronous, so a waiting poll holds no
 * server thread and many bots or pollers can wait at once.
 */
final class HttpFrontend {
    /** Longer than any long poll, so that Jetty never cuts a waiting getUpdates. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final RequestParser parser = new RequestParser();
    private final CallProcessor processor;
    private final Faults faults;
    private final ScheduledExecutorService timer;
    private final Executor responder;
    private final Clock clock;
    private final Duration stopGrace;
    private final AnswersInFlight inFlight = new AnswersInFlight();
    /** Answers held back by injected latency, sent at once when the fake closes. */
    private final Map<CompletableFuture<Answer>, Answer> delayedAnswers = new ConcurrentHashMap<>();
    private final Javalin app;
    private volatile boolean stopping;

    /** @param stopGrace how long stopping waits for answers under way to be written */
    HttpFrontend(String host, int port, Duration stopGrace, CallProcessor processor, Faults faults,
                 ScheduledExecutorService timer, Executor responder, Clock clock) {
        this.processor = processor;
        this.faults = faults;
        this.timer = timer;
        this.responder = responder;
        this.clock = clock;
        this.stopGrace = stopGrace;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.multipartConfig.maxInMemoryFileSize(16, SizeUnit.MB);
            cfg.jetty.modifyServer(server -> server.insertHandler(inFlight));
            cfg.jetty.addConnector((server, httpConfiguration) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                return connector;
            });
            for (String path : List.of("/{bot}/{method}", "/{bot}/test/{method}")) {
                cfg.routes.post(path, this::handle);
                cfg.routes.get(path, this::handle);
            }
        });
    }

    void start() {
        app.start();
    }

    int port() {
        return app.port();
    }

    /** Stops, after answers already under way (and those held back by latency) are written, up to the grace. */
    void stop() {
        stopping = true;
        delayedAnswers.forEach(CompletableFuture::complete);
        inFlight.awaitNone(stopGrace);
        app.stop();
    }

    private void handle(Context ctx) {
        ApiRequest request = parser.parse(ctx, clock.instant());
        CompletableFuture<Answer> answer = processor.process(request);
        Duration delay = faults.latencyFor(request.method());
        if (!delay.isZero()) {
            // processed now, answered later: like a slow network, the bot cannot tell whether its call took effect
            answer = answer.thenCompose(done -> later(done, delay));
        }
        if (answer.isDone()) {
            write(ctx, answer.join());
        } else {
            CompletableFuture<Answer> pending = answer;
            ctx.future(() -> pending.thenAcceptAsync(done -> write(ctx, done), responder));
        }
    }

    private CompletableFuture<Answer> later(Answer answer, Duration delay) {
        CompletableFuture<Answer> delayed = new CompletableFuture<>();
        delayedAnswers.put(delayed, answer);
        delayed.whenComplete((done, failure) -> delayedAnswers.remove(delayed));
        if (stopping) {
            delayed.complete(answer); // stop() may have looked at the held-back answers before this one came
        } else {
            timer.schedule(() -> delayed.complete(answer), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        return delayed;
    }

    private static void write(Context ctx, Answer answer) {
        ctx.status(answer.status()).contentType("application/json").result(Json.write(answer.body()));
    }
}
