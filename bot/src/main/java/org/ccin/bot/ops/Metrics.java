package org.ccin.bot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxStatus;

/**
 * The bot's figures in Prometheus' text format at {@code GET /metrics}, kept by the Prometheus Java client: ours
 * (updates by type and outcome, handler latency, sends by result, outbox deliveries by kind and outcome, join
 * requests answered, and gauges read from the database when scraped: outbox depth by lane, broadcasts running),
 * the web server's requests by route and status, and the client's JVM and process metrics (memory, GC, threads,
 * CPU, open files). One registry per bot, so that several bots in one JVM (the tests) keep their own counts. No
 * personal data: labels are types, methods, lanes and route templates, never ids or texts.
 */
public final class Metrics implements WebRoutes, Sender.SendListener {
    /** Upper bounds of the latency histograms, in seconds. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final String STARTED = "ccin.metrics.started";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter updates;
    private final Counter quarantined;
    private final Histogram handlerSeconds;
    private final Counter sends;
    private final Counter unreadableAnswers;
    private final Counter outboxSettled;
    private final Counter remindersSent;
    private final Counter joinRequests;
    private final Histogram httpSeconds;

    /** @param outbox and {@code newsletters} for the gauges read at each scrape */
    public Metrics(OutboxRepository outbox, NewsletterRepository newsletters) {
        updates = Counter.builder().name("ccin_updates_total").help("Updates handled, by type and outcome.")
                .labelNames("type", "outcome").register(registry);
        quarantined = Counter.builder().name("ccin_updates_quarantined_total")
                .help("Updates the bot could not read, kept aside in the inbox and skipped, by type.")
                .labelNames("type").register(registry);
        handlerSeconds = Histogram.builder().name("ccin_update_handler_seconds").help("Time to handle an update, by type.")
                .classicOnly().classicUpperBounds(BUCKETS).labelNames("type").register(registry);
        sends = Counter.builder().name("ccin_sends_total")
                .help("Bot API calls, by method, lane and result (ok, 429, 403, 4xx, 5xx).")
                .labelNames("method", "lane", "result").register(registry);
        unreadableAnswers = Counter.builder().name("ccin_unreadable_answers_total")
                .help("Calls Telegram took (ok: true) whose result could not be read: delivered, never sent again.")
                .labelNames("method").register(registry);
        outboxSettled = Counter.builder().name("ccin_outbox_settled_total")
                .help("Outbox messages settled, by kind and outcome.").labelNames("kind", "outcome").register(registry);
        remindersSent = Counter.builder().name("ccin_reminders_sent_total").help("Milestone reminders delivered.")
                .register(registry);
        joinRequests = Counter.builder().name("ccin_join_requests_total").help("Join requests approved or declined.")
                .labelNames("outcome").register(registry);
        httpSeconds = Histogram.builder().name("ccin_http_request_seconds")
                .help("Web requests (dashboard, /plan, webhook, health), by method, route and status.")
                .classicOnly().classicUpperBounds(BUCKETS).labelNames("method", "route", "status").register(registry);
        GaugeWithCallback.builder().name("ccin_outbox_depth").help("Messages waiting in the outbox, by lane.")
                .labelNames("lane").callback(callback -> {
                    Map<OutboxLane, Integer> depth = outbox.depth();
                    for (OutboxLane lane : OutboxLane.values()) {
                        callback.call(depth.getOrDefault(lane, 0), lane.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("ccin_broadcasts_running").help("Newsletters being sent or paused.")
                .callback(callback -> callback.call(newsletters.sending().size())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(this::requestDone);
        routes.get("/metrics", this::scrape);
    }

    /** An update was handled: its type, how it ended ("command:…", "ignored", "failed: …"), and how long it took. */
    public void updateHandled(String kind, String outcome, long nanos) {
        String result = outcome.startsWith("failed") || outcome.startsWith("unreadable") ? "failed"
                : outcome.startsWith("ignored") ? "ignored" : "handled";
        updates.labelValues(label(kind), result).inc();
        handlerSeconds.labelValues(label(kind)).observe(nanos / 1e9);
    }

    /** An update could not be read and was kept aside (quarantined), by the kind Telegram gave it. */
    public void updateQuarantined(String kind) {
        quarantined.labelValues(label(kind)).inc();
    }

    /** A Bot API call ended (the Sender's listener): by method, lane and result. */
    @Override
    public void sent(String method, Lane lane, Sender.Outcome outcome) {
        sends.labelValues(label(method), lane.name().toLowerCase(Locale.ROOT), result(outcome)).inc();
        if (outcome == Sender.Outcome.OK_UNREADABLE) {
            unreadableAnswers.labelValues(label(method)).inc();
        }
        boolean ok = outcome == Sender.Outcome.OK || outcome == Sender.Outcome.OK_UNREADABLE;
        if (ok && method.equalsIgnoreCase("approvechatjoinrequest")) {
            joinRequests.labelValues("approved").inc();
        } else if (ok && method.equalsIgnoreCase("declinechatjoinrequest")) {
            joinRequests.labelValues("declined").inc();
        }
    }

    /** An outbox message was settled: a reminder, a newsletter delivery, a notice. */
    public void outboxSettled(String kind, OutboxStatus status) {
        outboxSettled.labelValues(label(kind), status.name().toLowerCase(Locale.ROOT)).inc();
        if (kind.equals("reminder") && status == OutboxStatus.SENT) {
            remindersSent.inc();
        }
    }

    private static String result(Sender.Outcome outcome) {
        switch (outcome) {
            case OK: case OK_UNREADABLE: return "ok";
            case RATE_LIMITED: return "429";
            case FORBIDDEN: return "403";
            case REJECTED: return "4xx";
            case RETRYING: case GAVE_UP: return "5xx";
            default: return outcome.name().toLowerCase(Locale.ROOT);
        }
    }

    private void requestDone(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        // the route's template (/dashboard/{session}), never the path itself: a path can hold a secret or an id
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        httpSeconds.labelValues(ctx.method().name(), route, String.valueOf(ctx.statusCode()))
                .observe((System.nanoTime() - started) / 1e9);
    }

    private void scrape(Context ctx) {
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).header("Cache-Control", "no-store").result(render());
    }

    /** The whole scrape, in Prometheus' text format 0.0.4. */
    public String render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail to take bytes
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Label values are ours (types, methods, kinds); the client escapes quotes and backslashes itself. */
    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT).replace("\n", " ");
    }
}
