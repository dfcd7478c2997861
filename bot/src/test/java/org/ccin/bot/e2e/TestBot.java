package org.ccin.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ccin.bot.BotApplication;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.config.BotConfig;
import org.ccin.config.ConfigLoader;
import org.ccin.config.ManualClock;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;

/**
 * The real bot, started against the in-process fake Bot API with a real SQLite file in a test folder: tests act as
 * people through it ({@link #send}, {@link #tap}) and read the bot's answer to what they just did
 * ({@link #awaitReply}); it can stop and start the bot again on the same database. Test classes take theirs
 * from {@link BotExtension}, which starts and stops it around each test; {@link #start} is for bots a test or
 * benchmark runs itself (several in a row, in folders of its own).
 */
public final class TestBot implements AutoCloseable {
    /**
     * How long a test waits for an answer that should come within milliseconds. Generous, because a CI machine with
     * two shared cores can stall for seconds; a wait returns as soon as its answer comes, so passing tests pay nothing.
     */
    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final long STAFF_ID = 900;

    public final FakeBotApi telegram;
    // a fixed Wednesday noon: what the bot does on its own at start (the Monday digest, reminders) never depends
    // on the day the tests run
    public final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Path dir;
    private final Map<String, String> environment;
    private BotApplication app;
    /** How many calls the bot had made when the test last acted: its answer comes after. */
    private volatile long mark;

    private TestBot(Path dir, Map<String, String> extraEnvironment, String yaml) {
        this.dir = dir;
        this.telegram = FakeBotApi.builder().start();
        this.environment = new HashMap<>(Map.of(
                "CCIN_BOT_TOKEN", telegram.token(),
                "CCIN_BOT_API_URL", telegram.url(),
                "CCIN_BOT_DB", dir.resolve("bot.db").toString(),
                "CCIN_BOT_WEB_PORT", "0",
                "CCIN_BOT_STAFF", String.valueOf(STAFF_ID)));
        configure(extraEnvironment, yaml);
    }

    /** Adds to the environment and writes the settings file the bot starts with: before {@link #startApp}. */
    void configure(Map<String, String> extraEnvironment, String yaml) {
        environment.putAll(extraEnvironment);
        try {
            // Telegram's one message per second per person would make every test wait; tests of the limits
            // set their own
            String defaults = yaml.contains("sending:") ? "" : "sending:\n  privateChatPerSecond: 50\n";
            // tests act faster than people: the flood guard has its own test
            defaults += yaml.contains("updates:") ? "" : "updates:\n  personBurst: 10000\n";
            // long polls of 1 s let a test stop the bot at once; a test of the telegram settings gives its own
            defaults += yaml.contains("telegram:") ? "" : "telegram:\n  pollTimeoutSeconds: 1\n";
            Files.writeString(dir.resolve("bot.yml"), defaults + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestBot start(Path dir) {
        return start(dir, Map.of(), "");
    }

    public static TestBot start(Path dir, Map<String, String> environment, String yaml) {
        TestBot bot = prepare(dir, environment, yaml);
        bot.startApp();
        return bot;
    }

    /** The fake Telegram running and the settings written, but the bot not started: {@link #startApp} starts it. */
    static TestBot prepare(Path dir, Map<String, String> environment, String yaml) {
        return new TestBot(dir, environment, yaml);
    }

    /** The environment the bot is started with (token, fake API address, database, staff). */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The bot's settings file. */
    public Path configFile() {
        return dir.resolve("bot.yml");
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

    /** Runs a scheduled routine now, as Quartz would at its time (advance {@link #clock} first). */
    public void runRoutine(String name) {
        try {
            app.runRoutine(name);
        } catch (Exception e) {
            throw new IllegalStateException("routine " + name + " failed", e);
        }
    }

    /**
     * A count ({@code SELECT count(*) …}) read from the bot's database file itself: also while the bot is stopped, as
     * after its child process was killed (see {@link BotExtension#handToChildProcess}).
     */
    public long countInDatabase(String sql) {
        try (Database database = Database.open(config().database().path())) {
            return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    /**
     * Runs a scheduled routine now as {@link #runRoutine} does, taken as what a person last did: the answers read
     * after it ({@link #awaitReply}) are the messages it sent.
     */
    public void runRoutineAsAct(String name) {
        act();
        runRoutine(name);
    }

    public BotApplication app() {
        return app;
    }

    public int webPort() {
        return app.webPort();
    }

    /**
     * Logs a staff member in to the dashboard as a browser would, with the one-time link /dashboard sends them:
     * the session cookie ({@code name=value}) to send with later requests.
     */
    public String dashboardCookie(FakeUser staff) {
        send(staff, "/dashboard");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("/dashboard/login\\?token=([A-Za-z0-9_\\-]+)")
                .matcher(awaitText(staff.id(), "/dashboard/login?token=").text());
        if (!token.find()) {
            throw new AssertionError("no login link in the answer to /dashboard");
        }
        try {
            java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + webPort()
                                    + "/dashboard/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token.group(1))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 303) {
                throw new AssertionError("login answered " + login.statusCode() + ", not 303: " + login.body());
            }
            String setCookie = login.headers().firstValue("Set-Cookie")
                    .orElseThrow(() -> new AssertionError("the login set no cookie"));
            return setCookie.substring(0, setCookie.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A person who has started the bot. */
    public FakeUser user(long id, String name) {
        return telegram.addUser(FakeUser.of(id, name));
    }

    /**
     * A person written into the database as registered (English, an officer of a council that is a full member, in
     * Wales), as a test that is about what comes after registration needs many of them.
     */
    public Member registered(FakeUser user) {
        store().members().recordContact(user.id(), user.firstName(), Optional.empty(), "en");
        return store().members().saveProfile(user.id(), new Profile(Optional.empty(), Optional.of("A council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("wales")));
    }

    // ------------------------------------------------------------------ acting as people

    private void act() {
        mark = telegram.callCount();
    }

    public int send(FakeUser user, String text) {
        act();
        return telegram.userMessage(user, text);
    }

    /** Taps the button with this text on the newest bot message in the person's private chat that has one. */
    public int tap(FakeUser user, String buttonText) {
        List<FakeMessage> messages = telegram.messages(user.id());
        for (int i = messages.size() - 1; i >= 0; i--) {
            FakeMessage message = messages.get(i);
            if (message.fromBot() && message.buttons().stream().anyMatch(row -> row.contains(buttonText))) {
                act();
                return telegram.tapButton(user, user.id(), message.messageId(), buttonText);
            }
        }
        throw new AssertionError("no bot message in chat " + user.id() + " has a button '" + buttonText + "'");
    }

    /** Anything else a person does (an inline query, joining a group…), so that the answer is read after it. */
    public int act(java.util.function.IntSupplier action) {
        act();
        return action.getAsInt();
    }

    public int forge(FakeUser user, long chatId, int messageId, String data) {
        act();
        return telegram.forgeCallback(user, chatId, messageId, data);
    }

    // ------------------------------------------------------------------ reading the bot's answers

    /** The bot's answer (a message sent or edited) in this chat to what a person last did. */
    public ApiCall awaitReply(long chatId, Predicate<ApiCall> match) {
        return awaitAnswer(c -> c.ok() && c.chatId() == chatId
                && (c.is("sendmessage") || c.is("editmessagetext")) && match.test(c));
    }

    public ApiCall awaitText(long chatId, String fragment) {
        return awaitReply(chatId, c -> c.text().contains(fragment));
    }

    /** Any call the bot made after what a person last did that matches. */
    public ApiCall awaitAnswer(Predicate<ApiCall> match) {
        try {
            return telegram.awaitCallAfter(mark, match, WAIT);
        } catch (AssertionError e) {
            // what the bot made of the newest updates tells a lost update from a slow or refused one
            AssertionError explained = new AssertionError(e.getMessage() + "the bot's newest updates:\n  "
                    + String.join("\n  ", store().inbox().describeNewest(5)));
            explained.setStackTrace(e.getStackTrace());
            throw explained;
        }
    }

    /** The texts of all buttons of a call, row after row. */
    public static List<String> buttons(ApiCall call) {
        return call.buttons().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        telegram.close();
    }
}
