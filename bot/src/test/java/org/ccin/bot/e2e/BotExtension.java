package org.ccin.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link TestBot} a test, in a test folder of its own, stopped and deleted after the test: the one way a test
 * class starts the bot. Registered on a field ({@code @RegisterExtension final BotExtension bots = new
 * BotExtension();}), it starts the bot before each test, before the class's {@code @BeforeEach} methods, which take
 * it as a {@code TestBot} parameter (as test methods may). Settings for the whole class go to the constructor; a test
 * that must set something up before the bot starts, or that needs settings of its own, registers
 * {@link #startedByTheTest()} and calls {@link #start}.
 */
public final class BotExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final boolean startBeforeEach;
    private final String settings;
    private Path dir;
    private TestBot bot;

    /** The bot with the test defaults, started before each test. */
    public BotExtension() {
        this(true, "");
    }

    /** The bot started before each test with this added to its settings file (YAML, as bot.yml). */
    public BotExtension(String settings) {
        this(true, settings);
    }

    private BotExtension(boolean startBeforeEach, String settings) {
        this.startBeforeEach = startBeforeEach;
        this.settings = settings;
    }

    /** A test folder before each test but no bot: the test starts it with {@link #start}, at most once. */
    public static BotExtension startedByTheTest() {
        return new BotExtension(false, "");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("ccin-e2e-");
        if (startBeforeEach) {
            start(settings);
        }
    }

    public TestBot start() {
        return start(Map.of(), "");
    }

    /** Starts the bot with this added to its settings file (YAML, as bot.yml). */
    public TestBot start(String settings) {
        return start(Map.of(), settings);
    }

    private TestBot start(Map<String, String> environment, String settings) {
        if (dir == null) {
            throw new IllegalStateException("the bot starts within a test, once the test folder is made");
        }
        if (bot != null) {
            throw new IllegalStateException("the bot is started already: one bot a test");
        }
        bot = TestBot.start(dir, environment, settings);
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
        TestBot first = bot();
        first.close();
        bot = TestBot.start(Files.createDirectories(dir.resolve(folder)), Map.of(), settings);
        return bot;
    }

    /** The started bot. */
    public TestBot bot() {
        if (bot == null) {
            throw new IllegalStateException("the bot is not started: call start() first");
        }
        return bot;
    }

    /** The test folder, holding the bot's database and settings: for what else a test writes (a child's log). */
    public Path dir() {
        return dir;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            bot = null;
            Path folder = dir;
            dir = null;
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            // deepest first, so that each folder is empty when its turn comes
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return bot();
    }
}
