package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.inbox.InboxStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing Telegram sends can stop the bot: an update the library cannot read is kept aside (quarantined), counted,
 * and the next update is answered at once, in long polling and in webhook mode.
 */
class UnreadableUpdatesTest {
    private static final String SECRET = "s3cret_token-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    /** A private message from Ada (42), as Telegram sends it, to be spoilt by each case. */
    private static ObjectNode message(String text) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"message": {"message_id": 7, "date": 1764072000, "text": "%s",
                     "chat": {"id": 42, "type": "private", "first_name": "Ada"},
                     "from": {"id": 42, "is_bot": false, "first_name": "Ada"}}}
                    """.formatted(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The three updates TelegramBots 9.6 could not read, which used to stop long polling for good. */
    private static Map<String, ObjectNode> poisoned() {
        ObjectNode dateZero = message("hello");
        ((ObjectNode) dateZero.path("message")).put("date", 0);
        ObjectNode noIsBot = message("hello");
        ((ObjectNode) noIsBot.path("message").path("from")).remove("is_bot");
        ObjectNode textObject = message("hello");
        ((ObjectNode) textObject.path("message")).putObject("text").put("unexpected", true);
        return Map.of("date 0", dateZero, "from without is_bot", noIsBot, "text as an object", textObject);
    }

    @Test
    @DisplayName("Long polling: after each unreadable update the next one is answered, and the unreadable one is kept")
    void pollingGoesOn() {
        TestBot bot = bots.start();
        FakeUser ada = bot.user(42, "Ada");
        for (Map.Entry<String, ObjectNode> poison : poisoned().entrySet()) {
            int bad = bot.act(() -> bot.telegram.injectRaw(poison.getValue()));
            bot.telegram.userMessage(ada, "/whoami");

            bot.awaitText(42, "Your Telegram id");
            Eventually.await(poison.getKey() + " kept and not left pending",
                    () -> bot.store().inbox().status(bad) != InboxStatus.PENDING);
            assertThat(bot.store().inbox().status(bad)).as(poison.getKey()).isEqualTo(InboxStatus.QUARANTINED);
        }
        assertThat(bot.app().metrics().render()).contains("ccin_updates_quarantined_total{type=\"message\"} 3");
        assertThat(bot.store().inbox().quarantinedSince(bot.clock.instant().minusSeconds(60), 10))
                .allSatisfy(q -> assertThat(q.error()).isNotBlank().doesNotContain("hello"));

        // staff hear of it in the morning line, once
        bot.user(TestBot.STAFF_ID, "Sam");
        bot.act(() -> 0);
        bot.runRoutine("unreadable-updates-report");
        bot.runRoutine("unreadable-updates-report");
        assertThat(bot.awaitText(TestBot.STAFF_ID, "3 updates from Telegram could not be read").text())
                .contains("kinds: message");
        bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("could not be read")))
                .hasSize(1);
    }

    @Test
    @DisplayName("Long polling: a message with fields the library has never heard of is answered as usual")
    void unknownFieldsAreTolerated() {
        TestBot bot = bots.start();
        bot.user(42, "Ada");
        ObjectNode future = message("/whoami");
        ObjectNode body = (ObjectNode) future.path("message");
        body.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", 7);
        body.putObject("suggested_post_info_v2").put("state", "pending").putArray("stars").add(1);
        int id = bot.act(() -> bot.telegram.injectRaw(future));

        bot.awaitText(42, "Your Telegram id");
        Eventually.await("recorded as done", () -> bot.store().inbox().status(id) == InboxStatus.DONE);
    }

    @Test
    @DisplayName("Webhook: an unreadable update is stored and answered 200, the next is answered; a non-update gets 400")
    void webhookGoesOn() throws Exception {
        TestBot bot = bots.startInWebhookMode(SECRET);
        int port = bot.webPort();
        bot.telegram.awaitCall(c -> c.is("setwebhook"), TestBot.WAIT);
        bot.user(42, "Ada");
        int id = 1000;
        for (Map.Entry<String, ObjectNode> poison : poisoned().entrySet()) {
            ObjectNode body = poison.getValue().deepCopy().put("update_id", ++id);
            assertThat(post(port, body.toString()).statusCode()).as(poison.getKey()).isEqualTo(200);
            long bad = id;
            assertThat(bot.store().inbox().status(bad)).as(poison.getKey()).isEqualTo(InboxStatus.QUARANTINED);
        }
        ObjectNode good = message("/whoami").put("update_id", ++id);
        ((ObjectNode) good.path("message")).putArray("entities").addObject().put("type", "bot_command")
                .put("offset", 0).put("length", 7);
        bot.act(() -> 0);
        assertThat(post(port, good.toString()).statusCode()).isEqualTo(200);
        bot.awaitText(42, "Your Telegram id");

        assertThat(post(port, "[1, 2]").statusCode()).as("not an update").isEqualTo(400);
        assertThat(post(port, "{\"update_id\": \"x\", \"message\": {}}").statusCode()).isEqualTo(400);
        assertThat(post(port, "{\"message\": {}}").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("/health says why when getUpdates keeps failing past the grace, and ok again once it works")
    void healthTellsTheTruth() throws Exception {
        TestBot bot = bots.start("health:\n  telegramGrace: 1s\n");
        Eventually.await("health ok", () -> health(bot).path("status").asText().equals("ok"));
        FakeUser ada = bot.user(42, "Ada");
        bot.telegram.failNext("getUpdates", 1_000_000, 502, "Bad Gateway");

        Eventually.await("health not ok", () -> health(bot).path("status").asText().equals("unavailable"));
        JsonNode body = health(bot);
        assertThat(body.path("problems").toString()).contains("getUpdates failing for").contains("502");
        assertThat(body.toString()).doesNotContain(bot.telegram.token());

        bot.telegram.clearFaults();
        bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");
        Eventually.await("health ok again", () -> health(bot).path("status").asText().equals("ok"));
    }

    @Test
    @DisplayName("Each change of state is logged once: an unreadable update once with its id; getUpdates failing once "
            + "when it starts and once when it works again, however many polls failed between")
    void changesAreLoggedOnce() {
        try (LogLines log = new LogLines()) {
            TestBot bot = bots.start();
            FakeUser ada = bot.user(42, "Ada");
            int bad = bot.act(() -> bot.telegram.injectRaw(poisoned().get("date 0")));
            bot.send(ada, "/whoami");
            bot.awaitText(42, "Your Telegram id");
            assertThat(log.containing("update " + bad + " ")).as("the unreadable update").hasSize(1);

            bot.telegram.failNext("getUpdates", 1_000_000, 502, "Bad Gateway");
            Eventually.await("three failed polls", () -> bot.telegram.calls("getupdates").stream()
                    .filter(c -> c.status() == 502).count() >= 3);
            bot.telegram.clearFaults();
            bot.send(ada, "/whoami");
            Eventually.await("two answers", () -> bot.telegram.calls("sendmessage").stream()
                    .filter(c -> c.text().contains("Your Telegram id")).count() == 2);
            assertThat(log.containing("long polling fails")).hasSize(1);
            assertThat(log.containing("getUpdates works again")).hasSize(1);
        }
    }

    @Test
    @DisplayName("A quiet bot is healthy at once: the first getUpdates does not wait the whole long poll")
    void quietStartIsHealthy() {
        TestBot bot = bots.start("telegram:\n  pollTimeoutSeconds: 40\n");
        // the wait is shorter than one long poll: before, /health said "starting" until the first poll came back
        Eventually.await("health ok", () -> health(bot).path("status").asText().equals("ok"),
                Duration.ofSeconds(20));
        FakeUser ada = bot.user(42, "Ada");
        bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");
    }

    @Test
    @DisplayName("/health says so while updates cannot be stored in the inbox, and the update is answered after")
    void inboxRefusingIsUnhealthy() throws Exception {
        TestBot bot = bots.start("health:\n  telegramGrace: 1s\n");
        Eventually.await("health ok", () -> health(bot).path("status").asText().equals("ok"));
        FakeUser ada = bot.user(42, "Ada");
        // another process holds the database's write lock, as a stuck backup or a full disk would stop writes
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + bot.config().database().path())) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("INSERT INTO data_versions(name, version) VALUES ('lock-holder', 1)");
            }
            bot.send(ada, "/whoami");
            Eventually.await("health not ok", () -> health(bot).path("status").asText().equals("unavailable"),
                    Duration.ofSeconds(40));
            assertThat(health(bot).path("problems").toString()).contains("cannot be stored in the inbox");
            other.rollback();
        }
        bot.awaitText(42, "Your Telegram id");
        Eventually.await("health ok again", () -> health(bot).path("status").asText().equals("ok"));
    }

    private JsonNode health(TestBot bot) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bot.webPort() + "/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createObjectNode();
        }
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/updates"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
