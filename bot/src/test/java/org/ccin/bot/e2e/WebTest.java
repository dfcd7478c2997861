package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web server: /health, and the webhook endpoint in webhook mode. */
class WebTest {
    private static final String SECRET = "s3cret_token-for-tests";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    private HttpResponse<String> post(int port, String path, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("Webhook mode: Telegram's posts are stored and answered; a wrong secret gets 401, a huge body 413")
    void webhook() throws Exception {
        TestBot bot = bots.startInWebhookMode(SECRET);
        int port = bot.webPort();
        ApiCall setWebhook = bot.telegram.awaitCall(c -> c.is("setwebhook"), TestBot.WAIT);
        assertThat(setWebhook.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(setWebhook.params().path("allowed_updates").toString()).contains("chat_member");
        assertThat(setWebhook.params().path("max_connections").asInt()).as("posts in order, one at a time")
                .isEqualTo(1);

        // the fake posts the update to the webhook, as Telegram does
        FakeUser ada = bot.user(42, "Ada");
        bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");

        String update = "{\"update_id\": 5, \"message\": {\"message_id\": 1, \"date\": 1, \"text\": \"/help\","
                + " \"chat\": {\"id\": 42, \"type\": \"private\"}, \"from\": {\"id\": 42, \"is_bot\": false,"
                + " \"first_name\": \"Ada\"}, \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": 5}]}}";
        assertThat(post(port, "/telegram/updates", "wrong", update).statusCode()).isEqualTo(401);
        assertThat(post(port, "/telegram/updates", null, update).statusCode()).isEqualTo(401);
        String huge = "{\"update_id\": 6, \"padding\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(post(port, "/telegram/updates", SECRET, huge).statusCode()).isEqualTo(413);
        assertThat(post(port, "/telegram/updates", SECRET, "{not json").statusCode()).isEqualTo(400);
        assertThat(post(port, "/telegram/other", SECRET, update).statusCode()).isEqualTo(404);
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("Here is what I can do")))
                .isEmpty();

        // a good post is stored (200) and handled; the same update posted again is handled once
        assertThat(post(port, "/telegram/updates", SECRET, update).statusCode()).isEqualTo(200);
        assertThat(post(port, "/telegram/updates", SECRET, update).statusCode()).isEqualTo(200);
        bot.awaitText(42, "Here is what I can do");
        Eventually.await("update 5 handled", () -> bot.store().inbox().countPending() == 0);
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("Here is what I can do")))
                .hasSize(1);
    }

    @Test
    @DisplayName("/health is 200 with the database and Telegram state, and 503 once Telegram cannot be reached past the grace")
    void health() throws Exception {
        TestBot bot = bots.start("health:\n  telegramGrace: 1s\n");
        Eventually.await("Telegram reached", () -> statusOf(bot) == 200);
        JsonNode body = json.readTree(get(bot.webPort(), "/health").body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("database").path("state").asText()).isEqualTo("ok");
        assertThat(body.path("telegram").path("mode").asText()).isEqualTo("polling");
        assertThat(body.toString()).doesNotContain(bot.telegram.token());

        bot.telegram.close();

        Eventually.await("health turns 503", () -> statusOf(bot) == 503);
        assertThat(json.readTree(get(bot.webPort(), "/health").body()).path("telegram").path("polling")
                .path("state").asText()).isEqualTo("failing");
    }

    private int statusOf(TestBot bot) {
        try {
            return get(bot.webPort(), "/health").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
