package org.ccin.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestBot} a test, in a test folder of its own, stopped and deleted after the test: the one way a test
 * class starts the bot. Registered on a field, it starts the bot before each test, ahead of the class's
 * {@code @BeforeEach} methods:
 * <pre>
 * &#64;RegisterExtension
 * final BotExtension bots = new BotExtension();
 * private final TestBot bot = bots.bot();
 * private final FakeUser ada = bot.user(42, "Ada");
 * </pre>
 * Its fake Telegram runs from the start, so people can be fields. Settings for the whole class go to the constructor;
 * a class whose tests need settings of their own, or must set something up before the bot starts, registers
 * {@link #startedByTheTest()} and each test calls {@link #start}. A crash test hands the bot over to a process of its
 * own ({@link #handToChildProcess}), kills it ({@link #killChildProcess}) or stops it, and takes it back
 * ({@link #takeBack}). One extension a test instance (JUnit's default).
 */
public final class BotExtension implements BeforeEachCallback, AfterEachCallback {
    private final Path dir = newFolder();
    private final boolean startBeforeEach;
    private TestBot bot;
    private boolean started;
    private Process child;

    /** The bot with the test defaults, started before each test. */
    public BotExtension() {
        this("");
    }

    /** The bot started before each test with this added to its settings file (YAML, as bot.yml). */
    public BotExtension(String settings) {
        this(true, settings);
    }

    private BotExtension(boolean startBeforeEach, String settings) {
        this.startBeforeEach = startBeforeEach;
        this.bot = TestBot.prepare(dir, Map.of(), settings);
    }

    /** The bot prepared but not started: each test starts it with {@link #start}, at most once. */
    public static BotExtension startedByTheTest() {
        return new BotExtension(false, "");
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("ccin-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (startBeforeEach) {
            bot.startApp();
            started = true;
        }
    }

    public TestBot start() {
        return start("");
    }

    /** Starts the bot with this added to its settings file (YAML, as bot.yml). */
    public TestBot start(String settings) {
        return start(Map.of(), settings);
    }

    private TestBot start(Map<String, String> environment, String settings) {
        if (started) {
            throw new IllegalStateException("the bot is started already: one bot a test");
        }
        bot.configure(environment, settings);
        bot.startApp();
        started = true;
        return bot;
    }

    /**
     * Starts the bot in webhook mode with this secret: Telegram (the fake) posts updates to
     * {@code http://127.0.0.1:<bot.webPort()>/telegram/updates}.
     */
    public TestBot startInWebhookMode(String secret) throws IOException {
        // the webhook's address is set before the bot starts, so the port is chosen here rather than by the server
        int port = freePort();
        return start(Map.of("CCIN_BOT_MODE", "webhook", "CCIN_BOT_WEB_PORT", String.valueOf(port),
                "CCIN_BOT_WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/updates",
                "CCIN_BOT_WEBHOOK_SECRET", secret), "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Stops the test's bot and starts another with these settings, on a database of its own (in {@code folder} within
     * the test folder); it is stopped after the test as the first was.
     */
    public TestBot startAnother(String folder, String settings) throws IOException {
        bot.close();
        bot = TestBot.start(Files.createDirectories(dir.resolve(folder)), Map.of(), settings);
        return bot;
    }

    /**
     * Stops the test's bot and runs it as a process of its own (the real main class, with the same settings, database
     * and fake Telegram; its output in {@code child.log} in the test folder), so that the test can kill it as a power
     * cut would ({@link Process#destroyForcibly}) or stop it as systemd does ({@link Process#destroy}). The process is
     * killed after the test if it still runs.
     */
    public Process handToChildProcess() throws IOException {
        if (child != null) {
            throw new IllegalStateException("the bot was handed to a child process already: one a test");
        }
        bot.stopApp();
        child = ChildBot.start(bot, dir, "child.log");
        return child;
    }

    /** Kills the child process as a power cut would ({@code kill -9}) and waits until it has gone. */
    public void killChildProcess() throws InterruptedException {
        if (child == null) {
            throw new IllegalStateException("the bot was not handed to a child process");
        }
        if (!child.destroyForcibly().waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the child process was still running 20 seconds after kill -9");
        }
    }

    /**
     * Once the child process has ended: starts the test's bot again in this process on the same database, its clock set
     * to the real time the child ran by, so that it carries on where the child stopped.
     */
    public TestBot takeBack() {
        if (child == null || child.isAlive()) {
            throw new IllegalStateException("no child process has ended: kill or stop it first");
        }
        bot.clock.set(Instant.now());
        bot.startApp();
        return bot;
    }

    /** The test's bot: started before each test, unless the extension is {@link #startedByTheTest()}. */
    public TestBot bot() {
        return bot;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException, InterruptedException {
        try {
            if (child != null && child.isAlive()) {
                // a failed test leaves its child running: it would hold the database and send to a closed fake
                child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
            bot.close();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            // deepest first, so that each folder is empty when its turn comes
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
