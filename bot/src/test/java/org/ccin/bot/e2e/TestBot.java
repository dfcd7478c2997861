package org.ccin.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ccin.bot.BotApplication;
import org.ccin.bot.fake.ApiCall;
import org.ccin.bot.fake.FakeBotApi;
import org.ccin.bot.fake.FakeUser;
import org.ccin.config.BotConfig;
import org.ccin.config.ConfigLoader;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;

/**
 * The real bot, started against the in-process fake Bot API with a real SQLite file in a test folder: tests talk
 * to it as people would, and can stop and start it again on the same database.
 */
public final class TestBot implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final long STAFF_ID = 900;

    public final FakeBotApi telegram;
    public final ManualClock clock = new ManualClock(Instant.now());
    private final Path dir;
    private final Map<String, String> environment;
    private BotApplication app;

    private TestBot(Path dir, Map<String, String> extraEnvironment, String yaml) {
        this.dir = dir;
        this.telegram = FakeBotApi.start();
        this.environment = new HashMap<>(Map.of(
                "CCIN_BOT_TOKEN", telegram.token(),
                "CCIN_BOT_API_URL", telegram.url(),
                "CCIN_BOT_DB", dir.resolve("bot.db").toString(),
                "CCIN_BOT_WEB_PORT", "0",
                "CCIN_BOT_STAFF", String.valueOf(STAFF_ID)));
        this.environment.putAll(extraEnvironment);
        try {
            // Telegram's one message per second per person would make every test wait; tests of the limits
            // set their own
            String defaults = yaml.contains("sending:") ? "" : "sending:\n  privateChatPerSecond: 50\n";
            Files.writeString(dir.resolve("bot.yml"), "telegram:\n  pollTimeoutSeconds: 1\n" + defaults + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestBot start(Path dir) {
        return start(dir, Map.of(), "");
    }

    public static TestBot start(Path dir, Map<String, String> environment, String yaml) {
        TestBot bot = new TestBot(dir, environment, yaml);
        bot.startApp();
        return bot;
    }

    public BotConfig config() {
        return new ConfigLoader().load(Optional.of(dir.resolve("bot.yml")), environment);
    }

    public void startApp() {
        try {
            app = BotApplication.start(config(), clock);
        } catch (Exception e) {
            throw new IllegalStateException("the bot did not start", e);
        }
    }

    /** Stops the bot as a shutdown would, and starts it again on the same database and fake Telegram. */
    public void restart() {
        app.close();
        startApp();
    }

    public void stopApp() {
        app.close();
    }

    public Store store() {
        return app.store();
    }

    public int webPort() {
        return app.webPort();
    }

    public FakeUser user(long id, String name) {
        return telegram.user(id, name);
    }

    /** The bot's answer (a message sent, or edited) in this chat to the last thing a person did. */
    public ApiCall awaitReply(long chatId, Predicate<ApiCall> match) {
        return telegram.awaitAnswer(c -> c.ok() && c.chatId() == chatId
                && (c.is("sendmessage") || c.is("editmessagetext")) && match.test(c), WAIT);
    }

    public ApiCall awaitText(long chatId, String fragment) {
        return awaitReply(chatId, c -> c.text().contains(fragment));
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        telegram.close();
    }
}
