package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics counts a scripted session exactly. */
class MetricsTest {
    @TempDir
    Path dir;

    private TestBot bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + bot.webPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return response.body();
    }

    private static long value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
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
            bot = TestBot.start(dir);
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
        bot = TestBot.start(dir);
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

        String scrape = scrape();
        assertThat(value(scrape, "ccin_updates_total{type=\"message\",outcome=\"handled\"}")).isEqualTo(3);
        assertThat(value(scrape, "ccin_updates_total{type=\"callback_query\",outcome=\"handled\"}")
                + value(scrape, "ccin_updates_total{type=\"callback_query\",outcome=\"ignored\"}")).isEqualTo(1);
        assertThat(value(scrape, "ccin_update_handler_seconds_count{type=\"message\"}")).isEqualTo(3);
        assertThat(value(scrape, "ccin_update_handler_seconds_bucket{type=\"message\",le=\"+Inf\"}")).isEqualTo(3);
        long repliesDelivered = bot.telegram.calls("sendmessage").stream().filter(c -> c.chatId() == 42 && c.ok()).count();
        assertThat(value(scrape, "ccin_sends_total{method=\"sendmessage\",lane=\"interactive\",result=\"ok\"}"))
                .isEqualTo(repliesDelivered).isEqualTo(2);
        assertThat(value(scrape, "ccin_sends_total{method=\"sendmessage\",lane=\"interactive\",result=\"429\"}")).isEqualTo(1);
        assertThat(value(scrape, "ccin_sends_total{method=\"sendmessage\",lane=\"interactive\",result=\"403\"}")).isEqualTo(1);
        assertThat(value(scrape, "ccin_sends_total{method=\"answercallbackquery\",lane=\"interactive\",result=\"ok\"}"))
                .isEqualTo(1);
        assertThat(scrape).contains("ccin_outbox_depth{lane=\"reminder\"} 0", "ccin_outbox_depth{lane=\"broadcast\"} 0",
                "ccin_broadcasts_running 0", "# TYPE ccin_update_handler_seconds histogram");
    }
}
