package org.ccin.bot.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;

/**
 * How long the bot takes to start, as an operator starts it: {@code java -jar bot/target/ccin-bot.jar} in a process
 * of its own against the fake Bot API, with a new database and with an existing one. Prints the time until
 * {@code /health} says ok, until a first /help is answered, and the bot's own account of where the time went.
 * Not a test: run with {@code mvn -B -q -pl bot -am -Pstartup -DskipTests verify} (-Dbench.startups=3;
 * -Dbench.jvmArgs="…" adds options to the bot's JVM).
 */
public final class StartupBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** Each run's fake Telegram numbers its updates after the last run's, as Telegram does: the existing database
     * has seen the earlier ids and would rightly take a repeated id for a repeated update. */
    private static int firstUpdateId = 1;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.startups", 3);
        Path jar = Path.of(System.getProperty("bench.jar", "target/ccin-bot.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: " + jar + " is missing");
        }
        Path dir = Files.createTempDirectory("ccin-startup-bench");
        Path database = dir.resolve("bot.db");
        List<String> lines = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Files.deleteIfExists(database);
            lines.add(once(jar, dir, database, "new database, run " + run));
            lines.add(once(jar, dir, database, "existing database, run " + run));
        }
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static String once(Path jar, Path dir, Path database, String label) throws Exception {
        firstUpdateId += 1_000;
        try (FakeBotApi telegram = FakeBotApi.builder().firstUpdateId(firstUpdateId).start()) {
            FakeUser ada = telegram.addUser(FakeUser.of(42, "Ada"));
            int port = freePort();
            Path log = dir.resolve("startup.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            // e.g. -Dbench.jvmArgs=-XX:SharedArchiveFile=/tmp/ccin.jsa to measure class-data sharing
            String jvmArgs = System.getProperty("bench.jvmArgs", "").strip();
            if (!jvmArgs.isEmpty()) {
                command.addAll(List.of(jvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "run"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(Map.of("CCIN_BOT_TOKEN", telegram.token(), "CCIN_BOT_API_URL", telegram.url(),
                    "CCIN_BOT_DB", database.toString(), "CCIN_BOT_WEB_PORT", String.valueOf(port)));
            builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(new File(log.toString()));
            long started = System.nanoTime();
            Process bot = builder.start();
            telegram.userMessage(ada, "/help");
            long answered = 0;
            long healthy = 0;
            long deadline = started + Duration.ofSeconds(60).toNanos();
            while ((answered == 0 || healthy == 0) && System.nanoTime() < deadline) {
                if (answered == 0 && telegram.calls("sendmessage").stream().anyMatch(c -> c.chatId() == 42)) {
                    answered = System.nanoTime();
                }
                if (healthy == 0 && healthOk(port)) {
                    healthy = System.nanoTime();
                }
                Thread.sleep(10); // a benchmark's polling, not a test's wait
            }
            bot.destroy();
            bot.waitFor();
            String account = Files.readAllLines(log).stream().filter(l -> l.contains("started in")).findFirst()
                    .map(l -> l.substring(l.indexOf("started in"))).orElse("(no start line)");
            return String.format("[startup] %s: health ok after %s, first /help answered after %s; the bot: %s",
                    label, seconds(healthy, started), seconds(answered, started), account);
        }
    }

    private static String seconds(long at, long started) {
        return at == 0 ? "(not within 60 s)" : String.format("%.2f s", (at - started) / 1e9);
    }

    private static boolean healthOk(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
