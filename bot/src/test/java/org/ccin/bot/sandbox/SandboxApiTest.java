package org.ccin.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.e2e.Eventually;
import org.ccin.bot.fakeapi.FakeMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's JSON API answers what it cannot do with a reason, and the demo is reachable from this machine only. */
class SandboxApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("Before the sandbox has set up its world, its pages and API answer 503 with the reason, not 500")
    void notReadyYet() throws Exception {
        SandboxRoutes routes = new SandboxRoutes();
        Javalin server = Javalin.create(cfg -> {
            cfg.jetty.host = Sandbox.LOOPBACK;
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            org.ccin.bot.web.HttpProblem.answerIn(cfg.routes); // as the bot's WebServer does
            routes.addTo(cfg.routes);
        }).start();
        try {
            String base = "http://127.0.0.1:" + server.port();
            for (HttpResponse<String> answer : java.util.List.of(get(base, "/sandbox"),
                    get(base, "/sandbox/api/people"), get(base, "/sandbox/api/chats?as=3001"),
                    post(base, "/sandbox/api/tap", "{\"as\": 3001, \"chat\": 3001, \"message\": 1, \"button\": \"x\"}"))) {
                assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).contains("2");
                assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("still starting");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    @DisplayName("Tapping a label that is not on the message answers 400 with the reason; the demo listens on 127.0.0.1")
    void tapsAndBinding() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dir.resolve("demo.db"), 0, Map.of())) {
            String base = "http://127.0.0.1:" + sandbox.webPort();
            Persona newcomer = sandbox.newcomer();
            assertThat(post(base, "/sandbox/api/send", "{\"as\": " + newcomer.id() + ", \"chat\": " + newcomer.id()
                    + ", \"text\": \"/start\"}").statusCode()).isEqualTo(200);
            FakeMessage question = Eventually.value("the bot's first question", () -> sandbox.telegram()
                    .lastBotMessage(newcomer.id()).filter(m -> !m.buttons().isEmpty()));

            HttpResponse<String> wrongLabel = post(base, "/sandbox/api/tap", "{\"as\": " + newcomer.id()
                    + ", \"chat\": " + newcomer.id() + ", \"message\": " + question.messageId()
                    + ", \"button\": \"Klingon\"}");
            assertThat(wrongLabel.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(wrongLabel.body()).path("error").asText())
                    .isEqualTo("there is no button \u201cKlingon\u201d on that message");
            HttpResponse<String> noMessage = post(base, "/sandbox/api/tap", "{\"as\": " + newcomer.id()
                    + ", \"chat\": " + newcomer.id() + ", \"message\": 99999, \"button\": \"English\"}");
            assertThat(noMessage.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(noMessage.body()).path("error").asText()).contains("no longer in the chat");
            HttpResponse<String> right = post(base, "/sandbox/api/tap", "{\"as\": " + newcomer.id() + ", \"chat\": "
                    + newcomer.id() + ", \"message\": " + question.messageId() + ", \"button\": \"English\"}");
            assertThat(right.statusCode()).isEqualTo(200);

            Optional<InetAddress> lan = lanAddress();
            Assumptions.assumeTrue(lan.isPresent(), "this machine has no address but loopback: binding not checked");
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket(lan.get(), sandbox.webPort())) {
                    socket.getInputStream();
                }
            }).as("the demo must not answer on " + lan.get()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    @DisplayName("demo --host opens the sandbox to the network, when asked for")
    void openedWhenAsked() throws Exception {
        Optional<InetAddress> lan = lanAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no address but loopback");
        try (Sandbox sandbox = Sandbox.start(dir.resolve("open.db"), "0.0.0.0", 0, Map.of())) {
            HttpResponse<String> people = get("http://" + lan.get().getHostAddress() + ":" + sandbox.webPort(),
                    "/sandbox/api/people");
            assertThat(people.statusCode()).isEqualTo(200);
            JsonNode list = JSON.readTree(people.body());
            assertThat(list.isArray()).isTrue();
        }
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> lanAddress() throws IOException {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!face.isUp() || face.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(face.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
