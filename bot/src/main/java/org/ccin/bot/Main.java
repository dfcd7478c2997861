package org.ccin.bot;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ccin.bot.sandbox.Sandbox;
import org.ccin.config.BotConfig;
import org.ccin.config.ConfigException;
import org.ccin.config.ConfigLoader;
import org.ccin.config.TelegramSettings;
import org.ccin.store.Database;
import org.ccin.store.DatabaseLock;
import org.ccin.store.Store;
import org.ccin.store.StoreException;
import org.ccin.store.casestudies.CaseStudySearch;
import org.ccin.store.privacy.Backups;
import org.ccin.store.importing.ImportException;
import org.ccin.store.importing.ImportReport;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.plan.MilestoneDates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, on picocli: {@code [--config FILE] [run | demo | import FILE… | check-config | backup | restore FILE
 * | help]}, each sub-command with its own {@code --help}. Exit status 0 on success, 2 for a setting or an argument to
 * fix (one line says which), 1 for anything else.
 */
@Command(name = "ccin-bot", mixinStandardHelpOptions = true, version = "ccin-bot 0.1.0",
        description = "The Telegram bot of the Co-operative Councils Innovation Network. With no command it runs the bot.",
        footer = {"", "Settings come from the YAML file (--config or CCIN_BOT_CONFIG) and environment variables;",
                "see config/ccin-bot.example.yml. Running needs CCIN_BOT_TOKEN."})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_SETTINGS = 2;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private boolean ranUntilShutdown;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "the settings file (default: CCIN_BOT_CONFIG, else none: defaults and environment only)")
    private String configFile;

    Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Main main = new Main(System.getenv(), System.out, System.err);
        int status = main.execute(args);
        if (status != OK || !main.ranUntilShutdown) {
            System.exit(status);
        }
    }

    /** Runs a command; for {@code run} and {@code demo}, returns only when the bot has stopped. */
    int execute(String[] args) {
        CommandLine line = new CommandLine(this)
                .addSubcommand(new RunCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new ImportCommand())
                .addSubcommand(new CheckConfigCommand())
                .addSubcommand(new BackupCommand())
                .addSubcommand(new RestoreCommand())
                .addSubcommand(new WarmUpCommand())
                .addSubcommand(new HelpCommand());
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler(this::badArguments)
                .setExecutionExceptionHandler(this::failed);
        return line.execute(args);
    }

    /** With no command: run the bot. */
    @Override
    public Integer call() {
        return withConfig(this::run);
    }

    private int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        boolean unknownCommand = e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-");
        String problem = unknownCommand ? "unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0)
                + "'" : e.getMessage();
        err.println("ccin-bot: " + problem + "\n");
        command.usage(err);
        return BAD_SETTINGS;
    }

    private int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException) {
            err.println("ccin-bot: " + e.getMessage());
            return BAD_SETTINGS;
        }
        if (e instanceof StoreException || e instanceof ImportException) {
            err.println("ccin-bot: " + e.getMessage());
            return FAILED;
        }
        err.println("ccin-bot: " + e);
        return FAILED;
    }

    private int withConfig(java.util.function.ToIntFunction<BotConfig> command) {
        return command.applyAsInt(loaded().config());
    }

    private ConfigLoader.Loaded loaded() {
        return new ConfigLoader().loadExplained(ConfigLoader.configFile(Optional.ofNullable(configFile), environment),
                environment);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "start the bot (the default)")
    private final class RunCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return withConfig(Main.this::run);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = {
            "try the bot without Telegram: the sample data in ccin-demo.db (CCIN_BOT_DEMO_DB), a web chat at",
            "http://localhost:8080/sandbox (no token needed); it listens on 127.0.0.1 only unless --host says",
            "otherwise (then anyone who reaches it can act as staff)"})
    private final class DemoCommand implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "the web port (default: web.port, 8080)")
        private Integer port;
        @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on (default: 127.0.0.1)")
        private String host = Sandbox.LOOPBACK;

        @Override
        public Integer call() {
            return withConfig(config -> demo(config, port == null ? config.web().port() : port, host));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "load reference data (YAML, JSON or CSV; see data/README.md); re-import updates in place")
    private final class ImportCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "the files to load, in order")
        private List<Path> files;

        @Override
        public Integer call() {
            return withConfig(config -> importFiles(config, files));
        }
    }

    @Command(name = "check-config", mixinStandardHelpOptions = true,
            description = "check the settings and show them as YAML: each value, where it came from, secrets hidden")
    private final class CheckConfigCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return checkConfig(loaded());
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "write a consistent copy of the database (refused while a bot runs on it)")
    private final class BackupCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "where to write it (default: backups.folder)")
        private Path folder;

        @Override
        public Integer call() {
            return withConfig(config -> backup(config, Optional.ofNullable(folder)));
        }
    }

    @Command(name = "warm-up", mixinStandardHelpOptions = true, description = {
            "start the sandbox on a throwaway database, answer a message and a web page, and stop: with",
            "java -XX:ArchiveClassesAtExit=ccin-bot.jsa it records the classes a start needs, so that",
            "java -XX:SharedArchiveFile=ccin-bot.jsa -jar … starts in about half the time (class-data sharing)"})
    private final class WarmUpCommand implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return warmUp();
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "put a backup in place of the database (stop the bot first; the replaced file is kept)")
    private final class RestoreCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1", description = "the backup, e.g. backups/ccin-bot-20261130-023000.db")
        private Path backup;

        @Override
        public Integer call() {
            return withConfig(config -> restore(config, backup));
        }
    }

    private int run(BotConfig config) {
        if (config.telegram().token().isEmpty()) {
            err.println("ccin-bot: " + TelegramSettings.TOKEN_ENV + " is not set: create a bot with @BotFather in "
                    + "Telegram and start with " + TelegramSettings.TOKEN_ENV + "=<token> (or set telegram.token in the "
                    + "config file).\nTo try the bot without Telegram first: java -jar bot/target/ccin-bot.jar demo, "
                    + "then open http://localhost:8080/sandbox");
            return BAD_SETTINGS;
        }
        BotApplication app;
        try {
            app = BotApplication.start(config, Clock.systemUTC());
        } catch (ConfigException | StoreException e) {
            throw e;
        } catch (Exception e) {
            err.println("ccin-bot: could not start: " + e.getMessage());
            return FAILED;
        }
        return runUntilShutdown(app);
    }

    /** The sandbox: the real bot against the in-process fake Telegram, on its own database; stops on Ctrl-C. */
    private int demo(BotConfig config, int port, String host) {
        Path database = Path.of(environment.getOrDefault("CCIN_BOT_DEMO_DB", "ccin-demo.db"));
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(database, host, port, Map.of("CCIN_BOT_ZONE", config.zone().getId()));
        } catch (Exception e) {
            err.println("ccin-bot: the demo could not start: " + e.getMessage());
            return FAILED;
        }
        if (!host.equals(Sandbox.LOOPBACK)) {
            // the sandbox has no login: whoever reaches it can be any persona, staff included
            err.println("ccin-bot: WARNING: the demo listens on " + host + ": anyone who can reach this address can "
                    + "act as any person in the sandbox, staff included. Use it only on a network you trust.");
        }
        out.println("ccin-bot demo: open http://localhost:" + sandbox.webPort() + "/sandbox (the plan: /plan). "
                + "Listening on " + host + ". Database: " + database.toAbsolutePath() + ". Stop with Ctrl-C.");
        return runUntilShutdown(sandbox);
    }

    /**
     * What a start and a first answer load, done once against the sandbox (no Telegram, no token): the database and
     * its migrations, the sample data, every feature, the web server and a page, a message in and its answer out.
     */
    private int warmUp() throws Exception {
        Path dir = Files.createTempDirectory("ccin-warm-up");
        try (Sandbox sandbox = Sandbox.start(dir.resolve("warm-up.db"), Sandbox.LOOPBACK, 0, Map.of())) {
            org.ccin.bot.fakeapi.FakeUser someone = sandbox.user(sandbox.personas().get(0).id()).orElseThrow();
            long mark = sandbox.telegram().callCount();
            sandbox.telegram().userMessage(someone, "/help");
            boolean answered;
            try {
                sandbox.telegram().awaitCallAfter(mark, c -> c.is("sendmessage") && c.chatId() == someone.id(),
                        java.time.Duration.ofSeconds(30));
                answered = true;
            } catch (AssertionError notAnswered) {
                answered = false; // the fake's wait says so by an AssertionError: it is written for tests
            }
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String page : List.of("/health", "/plan")) {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + sandbox.webPort() + page)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            }
            out.println(answered ? "warm-up done: the sandbox started, answered /help and served /plan"
                    : "warm-up: the sandbox started but did not answer /help within 30 s");
            return answered ? OK : FAILED;
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
        }
    }

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes what runs. */
    private int runUntilShutdown(AutoCloseable running) {
        ranUntilShutdown = true;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                err.println("ccin-bot: stopping failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private int backup(BotConfig config, Optional<Path> given) {
        Path folder = given.orElse(config.backups().folder());
        Path file = config.database().path();
        if (!Files.isRegularFile(file)) {
            err.println("ccin-bot: there is no database at " + file.toAbsolutePath() + " to back up: check "
                    + "database.path (or CCIN_BOT_DB), and the folder you run this in");
            return FAILED;
        }
        Optional<DatabaseLock> lock = DatabaseLock.tryAcquire(file);
        if (lock.isEmpty()) {
            err.println("ccin-bot: a running ccin-bot holds " + file.toAbsolutePath() + ": it backs up by itself every "
                    + "night at " + config.backups().time() + "; to back up now, stop it first (systemctl stop ccin-bot)");
            return FAILED;
        }
        try (DatabaseLock held = lock.get(); Database database = Database.open(file)) {
            Store store = new Store(database, Clock.systemUTC(), config.conversations().expireAfter());
            Path written = store.backups().backup(folder, config.backups().keep());
            out.println("backup written: " + written);
            return OK;
        }
    }

    private int restore(BotConfig config, Path backup) {
        Optional<DatabaseLock> lock = DatabaseLock.tryAcquire(config.database().path());
        if (lock.isEmpty()) {
            err.println("ccin-bot: a running ccin-bot holds " + config.database().path().toAbsolutePath()
                    + ": stop it first (systemctl stop ccin-bot), then restore; nothing was changed");
            return FAILED;
        }
        try (DatabaseLock held = lock.get()) {
            return restoreLocked(config, backup);
        }
    }

    private int restoreLocked(BotConfig config, Path backup) {
        Optional<Path> kept = Backups.restore(backup, config.database().path(), Clock.systemUTC());
        // opening it checks it and brings an older backup's schema up to date
        try (Database database = Database.open(config.database().path())) {
            Store store = new Store(database, Clock.systemUTC(), config.conversations().expireAfter());
            out.println("restored " + backup + " to " + config.database().path().toAbsolutePath() + " ("
                    + store.members().countRegistered() + " registered members)"
                    + kept.map(p -> "; the replaced database is kept as " + p).orElse(""));
        }
        return OK;
    }

    private int importFiles(BotConfig config, List<Path> paths) {
        try (Database database = Database.open(config.database().path())) {
            Store store = new Store(database, Clock.systemUTC(), config.conversations().expireAfter());
            ImportReport report = ImportSections.importer(store, new MilestoneDates(config.plan().seasonEnds())).importFiles(paths);
            store.auditLog().record(Optional.empty(), "import", paths.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(" ")),
                    report.describe().replace('\n', ';'));
            out.println("Imported into " + store.database().file() + ":\n" + report.describe());
            embedCaseStudies(store.caseStudySearch());
            return OK;
        } catch (ImportException e) {
            err.println("ccin-bot: " + e.getMessage());
            return FAILED;
        }
    }

    /** Embeds the new and changed case studies now, so that the bot need not; a line of progress as it goes. */
    private void embedCaseStudies(CaseStudySearch library) {
        if (library.stale() == 0) {
            return;
        }
        long start = System.nanoTime();
        int[] embedded = {0};
        boolean semantic = library.refreshNow((done, total) -> {
            embedded[0] = total;
            out.print("\rembedding case studies for search by meaning: " + done + " of " + total);
            out.flush();
        });
        if (!semantic) {
            out.println("search by meaning is unavailable on this machine (the model did not load): words only");
        } else if (embedded[0] > 0) {
            out.println(" (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
    }

    private int checkConfig(ConfigLoader.Loaded loaded) {
        loaded.config().telegram().requireToken();
        out.println("# Settings are valid. Each value as you would write it in the file, and where it came from");
        out.println("# (default, file, or the environment variable); secrets are hidden.");
        out.print(loaded.report().yaml());
        return OK;
    }
}
