package org.ccin.bot.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.Store;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxStatus;

/**
 * The bot's figures in Prometheus' text format at {@code GET /metrics}: counters kept since the start (updates by
 * type and outcome, handler latency, sends by result, outbox deliveries by kind and outcome, join requests answered)
 * and gauges read from the database when scraped (outbox depth by lane, broadcasts running). No personal data.
 * Thread-safe.
 */
public final class Metrics implements WebRoutes, Sender.SendListener {
    /** Upper bounds of the handler latency histogram, in seconds. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Store store;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> latencyBuckets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> latencyCounts = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.DoubleAdder> latencySums = new ConcurrentHashMap<>();

    public Metrics(Store store) {
        this.store = store;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", this::scrape);
    }

    /** An update was handled: its type, how it ended ("command:…", "ignored", "failed: …"), and how long it took. */
    public void updateHandled(String kind, String outcome, long nanos) {
        String result = outcome.startsWith("failed") || outcome.startsWith("unreadable") ? "failed"
                : outcome.startsWith("ignored") ? "ignored" : "handled";
        count("ccin_updates_total{type=\"" + label(kind) + "\",outcome=\"" + result + "\"}");
        double seconds = nanos / 1e9;
        String type = label(kind);
        for (double bound : BUCKETS) {
            if (seconds <= bound) {
                latencyBuckets.computeIfAbsent(type + "|" + bound, k -> new LongAdder()).increment();
            }
        }
        latencyCounts.computeIfAbsent(type, k -> new LongAdder()).increment();
        latencySums.computeIfAbsent(type, k -> new java.util.concurrent.atomic.DoubleAdder()).add(seconds);
    }

    /** An update could not be read and was kept aside (quarantined), by the kind Telegram gave it. */
    public void updateQuarantined(String kind) {
        count("ccin_updates_quarantined_total{type=\"" + label(kind) + "\"}");
    }

    /** A Bot API call ended (the Sender's listener): by method, lane and result. */
    @Override
    public void sent(String method, Lane lane, Sender.Outcome outcome) {
        count("ccin_sends_total{method=\"" + label(method) + "\",lane=\"" + lane.name().toLowerCase(Locale.ROOT)
                + "\",result=\"" + result(outcome) + "\"}");
        if (outcome == Sender.Outcome.OK_UNREADABLE) {
            count("ccin_unreadable_answers_total{method=\"" + label(method) + "\"}");
        }
        boolean ok = outcome == Sender.Outcome.OK || outcome == Sender.Outcome.OK_UNREADABLE;
        if (ok && method.equalsIgnoreCase("approvechatjoinrequest")) {
            count("ccin_join_requests_total{outcome=\"approved\"}");
        } else if (ok && method.equalsIgnoreCase("declinechatjoinrequest")) {
            count("ccin_join_requests_total{outcome=\"declined\"}");
        }
    }

    /** An outbox message was settled: a reminder, a newsletter delivery, a notice. */
    public void outboxSettled(String kind, OutboxStatus status) {
        count("ccin_outbox_settled_total{kind=\"" + label(kind) + "\",outcome=\"" + status.name().toLowerCase(Locale.ROOT)
                + "\"}");
        if (kind.equals("reminder") && status == OutboxStatus.SENT) {
            count("ccin_reminders_sent_total");
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

    private void count(String series) {
        counters.computeIfAbsent(series, k -> new LongAdder()).increment();
    }

    /** The value of one counter series as written in the scrape, e.g. {@code ccin_reminders_sent_total}. */
    public long value(String series) {
        LongAdder adder = counters.get(series);
        return adder == null ? 0 : adder.sum();
    }

    private void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").header("Cache-Control", "no-store")
                .result(render());
    }

    /** The whole scrape. */
    public String render() {
        StringBuilder text = new StringBuilder();
        family(text, "ccin_updates_total", "counter", "Updates handled, by type and outcome.");
        family(text, "ccin_updates_quarantined_total", "counter",
                "Updates the bot could not read, kept aside in the inbox and skipped, by type.");
        family(text, "ccin_sends_total", "counter", "Bot API calls, by method, lane and result (ok, 429, 403, 4xx, 5xx).");
        family(text, "ccin_unreadable_answers_total", "counter",
                "Calls Telegram took (ok: true) whose result could not be read: delivered, never sent again.");
        family(text, "ccin_outbox_settled_total", "counter", "Outbox messages settled, by kind and outcome.");
        family(text, "ccin_reminders_sent_total", "counter", "Milestone reminders delivered.");
        family(text, "ccin_join_requests_total", "counter", "Join requests approved or declined.");
        text.append("# HELP ccin_update_handler_seconds Time to handle an update, by type.\n")
                .append("# TYPE ccin_update_handler_seconds histogram\n");
        for (String type : new TreeMap<>(latencyCounts).keySet()) {
            for (double bound : BUCKETS) {
                LongAdder bucket = latencyBuckets.get(type + "|" + bound);
                text.append("ccin_update_handler_seconds_bucket{type=\"").append(type).append("\",le=\"").append(bound)
                        .append("\"} ").append(bucket == null ? 0 : bucket.sum()).append('\n');
            }
            long count = latencyCounts.get(type).sum();
            text.append("ccin_update_handler_seconds_bucket{type=\"").append(type).append("\",le=\"+Inf\"} ")
                    .append(count).append('\n');
            text.append("ccin_update_handler_seconds_sum{type=\"").append(type).append("\"} ")
                    .append(latencySums.get(type).sum()).append('\n');
            text.append("ccin_update_handler_seconds_count{type=\"").append(type).append("\"} ").append(count)
                    .append('\n');
        }
        Map<OutboxLane, Integer> depth = store.outbox().depth();
        text.append("# HELP ccin_outbox_depth Messages waiting in the outbox, by lane.\n# TYPE ccin_outbox_depth gauge\n");
        for (OutboxLane lane : OutboxLane.values()) {
            text.append("ccin_outbox_depth{lane=\"").append(lane.name().toLowerCase(Locale.ROOT)).append("\"} ")
                    .append(depth.getOrDefault(lane, 0)).append('\n');
        }
        text.append("# HELP ccin_broadcasts_running Newsletters being sent or paused.\n")
                .append("# TYPE ccin_broadcasts_running gauge\nccin_broadcasts_running ")
                .append(store.newsletters().issues().sending().size()).append('\n');
        return text.toString();
    }

    private void family(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
        new TreeMap<>(counters).forEach((series, adder) -> {
            if (series.equals(name) || series.startsWith(name + "{")) {
                text.append(series).append(' ').append(adder.sum()).append('\n');
            }
        });
    }

    /** Label values are ours (types, methods, kinds), but quotes and backslashes are escaped all the same. */
    private static String label(String value) {
        return value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
