package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.ops.PrometheusText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /metrics counts a scripted session exactly. */
class MetricsTest {
    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private TestBot bot;

    private double sent(String method, String result) {
        try {
            return PrometheusText.parse(scrape()).value("ccin_sends_total", sends(method, result));
        } catch (Exception e) {
            throw new IllegalStateException("cannot scrape /metrics", e);
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + bot.webPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return response.body();
    }

    @Test
    @DisplayName("Logs: one line per update and per send, with ids and outcome, never the token or a message's text")
    void logLines() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            bot = bots.start();
            FakeUser ada = bot.user(42, "Ada");
            bot.send(ada, "my secret words about housing");
            bot.awaitReply(42, c -> true);
            bot.send(ada, "/help");
            bot.awaitText(42, "Here is what I can do for you.");
            // each line is written just after its work is done: wait for them
            Eventually.await("the lines of both updates and both replies", () -> {
                java.util.List<String> now = new java.util.ArrayList<>();
                synchronized (lines) {
                    lines.list.forEach(e -> now.add(e.getFormattedMessage()));
                }
                return now.stream().filter(m -> m.startsWith("update ") && m.contains(" chat 42: ")).count() == 2
                        && now.stream().filter(m -> m.startsWith("send sendmessage interactive chat 42: OK")).count() == 2;
            });
        } finally {
            root.detachAppender(lines);
        }
        java.util.List<String> messages = lines.list.stream().map(e -> e.getFormattedMessage()).toList();
        String token = bot.telegram.token();
        assertThat(messages).noneMatch(m -> m.contains(token) || m.contains(token.substring(token.indexOf(':') + 1)));
        assertThat(messages).noneMatch(m -> m.contains("secret words") || m.contains("Here is what I can do"));
        assertThat(messages).filteredOn(m -> m.startsWith("update ") && m.contains(" chat 42: ")).hasSize(2);
        assertThat(messages).filteredOn(m -> m.startsWith("send sendmessage interactive chat 42: OK")).hasSize(2);
    }

    @Test
    @DisplayName("A scripted session: updates by type and outcome, handler latency, sends by result, gauges")
    void scriptedSession() throws Exception {
        bot = bots.start();
        FakeUser ada = bot.user(42, "Ada");
        bot.send(ada, "/help");
        bot.awaitText(42, "Here is what I can do for you.");
        // Telegram asks the bot to wait once, then the reply goes
        bot.telegram.failNext("sendmessage", 42, 1, 429, "Too Many Requests: retry after 1", 1);
        bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");
        // the person blocked the bot: the reply is refused
        bot.telegram.failNext("sendmessage", 42, 1, 403, "Forbidden: bot was blocked by the user", 0);
        bot.send(ada, "/help");
        bot.awaitAnswer(c -> c.is("sendmessage") && c.chatId() == 42 && c.status() == 403);
        bot.forge(ada, 42, 1, "nothing:here");
        bot.awaitAnswer(c -> c.is("answercallbackquery"));
        Eventually.await("the last update handled", () -> bot.store().inbox().countPending() == 0);
        // the fake records a call when it answers it; the bot counts it once the answer is back: a moment later
        Eventually.await("the tap's answer counted", () -> sent("answercallbackquery", "ok") >= 1);

        PrometheusText scrape = PrometheusText.parse(scrape());
        assertThat(scrape.value("ccin_updates_total", Map.of("type", "message", "outcome", "handled"))).isEqualTo(3);
        assertThat(scrape.value("ccin_updates_total", Map.of("type", "callback_query", "outcome", "handled"))
                + scrape.value("ccin_updates_total", Map.of("type", "callback_query", "outcome", "ignored"))).isEqualTo(1);
        assertThat(scrape.value("ccin_update_handler_seconds_count", Map.of("type", "message"))).isEqualTo(3);
        assertThat(scrape.value("ccin_update_handler_seconds_bucket", Map.of("type", "message", "le", "+Inf")))
                .isEqualTo(3);
        long repliesDelivered = bot.telegram.calls("sendmessage").stream().filter(c -> c.chatId() == 42 && c.ok()).count();
        assertThat(scrape.value("ccin_sends_total", sends("sendmessage", "ok"))).isEqualTo(repliesDelivered)
                .isEqualTo(2);
        assertThat(scrape.value("ccin_sends_total", sends("sendmessage", "429"))).isEqualTo(1);
        assertThat(scrape.value("ccin_sends_total", sends("sendmessage", "403"))).isEqualTo(1);
        assertThat(scrape.value("ccin_sends_total", sends("answercallbackquery", "ok"))).isEqualTo(1);
        assertThat(scrape.value("ccin_outbox_depth", Map.of("lane", "reminder"))).isZero();
        assertThat(scrape.samples()).anyMatch(s -> s.name().equals("ccin_outbox_depth")
                && s.labels().equals(Map.of("lane", "broadcast")) && s.value() == 0);
        assertThat(scrape.samples()).anyMatch(s -> s.name().equals("ccin_broadcasts_running") && s.value() == 0);
        assertThat(scrape.type("ccin_update_handler_seconds")).contains("histogram");
    }

    @Test
    @DisplayName("Beside ours: the JVM's and the process's metrics, and web requests by route template, never by path")
    void jvmProcessAndHttp() throws Exception {
        bot = bots.start();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + bot.webPort()
                + "/health")).build(), HttpResponse.BodyHandlers.discarding());
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + bot.webPort()
                + "/telegram/a-secret-path")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding());
        PrometheusText scrape = PrometheusText.parse(scrape());
        assertThat(scrape.type("jvm_memory_used_bytes")).contains("gauge");
        assertThat(scrape.value("jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
        assertThat(scrape.type("jvm_threads_current")).contains("gauge");
        assertThat(scrape.type("process_cpu_seconds_total")).contains("counter");
        assertThat(scrape.value("process_start_time_seconds")).isPositive();
        // health may still say 503 (not polled yet) this early: the request is counted whatever its status
        assertThat(scrape.samples().stream().filter(s -> s.name().equals("ccin_http_request_seconds_count")
                && s.labels().get("route").equals("/health") && s.labels().get("method").equals("GET"))
                .mapToDouble(PrometheusText.Sample::value).sum()).isEqualTo(1);
        assertThat(scrape.samples()).anyMatch(s -> s.name().equals("ccin_http_request_seconds_count")
                && s.labels().equals(Map.of("route", "unmatched", "method", "POST", "status", "404")));
        assertThat(scrape.samples()).noneMatch(s -> s.labels().containsValue("/telegram/a-secret-path"));
    }

    private static Map<String, String> sends(String method, String result) {
        return Map.of("method", method, "lane", "interactive", "result", result);
    }
}
