package org.ccin.bot;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.ccin.store.privacy.Backups;
import org.ccin.store.importing.ImportException;
import org.ccin.store.importing.ImportReport;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.plan.MilestoneDates;

/**
 * The command line: {@code [--config FILE] [run | demo | import FILE… | check-config | backup | restore FILE | help]}. Exit status 0 on success,
 * 2 for a setting to fix (one line says which), 1 for anything else.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_SETTINGS = 2;

    private static final String USAGE = String.join("\n",
            "Usage: java -jar ccin-bot.jar [--config FILE] [COMMAND]",
            "",
            "Commands:",
            "  run                 start the bot (the default)",
            "  demo [--port N] [--host ADDRESS]",
            "                      try the bot without Telegram: the sample data in ccin-demo.db, a web chat at",
            "                      http://localhost:8080/sandbox (no token needed); it listens on 127.0.0.1 only",
            "                      unless --host says otherwise (then anyone who reaches it can act as staff)",
            "  import FILE...      load reference data (YAML, JSON or CSV; see data/README.md); re-import updates in place",
            "  check-config        check the settings and show them (secrets hidden)",
            "  backup [FOLDER]     write a consistent copy of the database (to backups.folder by default)",
            "  restore FILE        put a backup in place of the database (stop the bot first)",
            "  help                show this text",
            "",
            "Settings come from the YAML file (--config or CCIN_BOT_CONFIG) and environment variables;",
            "see config/ccin-bot.example.yml. Running needs CCIN_BOT_TOKEN.");

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Main(System.getenv(), System.out, System.err).execute(args);
        if (status != OK || !isRun(args)) {
            System.exit(status);
        }
    }

    private static boolean isRun(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        rest.removeIf(a -> a.startsWith("--config"));
        return rest.isEmpty() || rest.get(0).equals("run") || rest.contains("run") || rest.get(0).equals("demo");
    }

    /** Runs a command; for {@code run}, returns only when the bot has stopped. */
    int execute(String[] args) {
        Optional<String> configPath = Optional.empty();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configPath = Optional.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                configPath = Optional.of(args[i].substring("--config=".length()));
            } else {
                rest.add(args[i]);
            }
        }
        String command = rest.isEmpty() ? "run" : rest.remove(0);
        try {
            BotConfig config = new ConfigLoader().load(ConfigLoader.configFile(configPath, environment), environment);
            switch (command) {
                case "run":
                    return run(config);
                case "demo":
                    return demo(config, rest);
                case "import":
                    return importFiles(config, rest);
                case "check-config":
                    return checkConfig(config);
                case "backup":
                    return backup(config, rest);
                case "restore":
                    return restore(config, rest);
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return OK;
                default:
                    err.println("ccin-bot: unknown command '" + command + "'\n\n" + USAGE);
                    return BAD_SETTINGS;
            }
        } catch (ConfigException e) {
            err.println("ccin-bot: " + e.getMessage());
            return BAD_SETTINGS;
        } catch (StoreException e) {
            err.println("ccin-bot: " + e.getMessage());
            return FAILED;
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
    private int demo(BotConfig config, List<String> options) {
        int port = config.web().port();
        String host = Sandbox.LOOPBACK;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--port") && i + 1 < options.size()) {
                try {
                    port = Integer.parseInt(options.get(++i));
                } catch (NumberFormatException e) {
                    err.println("ccin-bot: --port needs a number, e.g. demo --port 8081");
                    return BAD_SETTINGS;
                }
            } else if (options.get(i).equals("--host") && i + 1 < options.size()) {
                host = options.get(++i);
            } else {
                err.println("ccin-bot: demo does not know '" + options.get(i) + "': use demo [--port N] [--host ADDRESS]");
                return BAD_SETTINGS;
            }
        }
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

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes what runs. */
    private int runUntilShutdown(AutoCloseable running) {
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

    private int backup(BotConfig config, List<String> options) {
        Path folder = options.isEmpty() ? config.backups().folder() : Path.of(options.get(0));
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

    private int restore(BotConfig config, List<String> options) {
        if (options.size() != 1) {
            err.println("ccin-bot: restore needs one backup file, e.g. restore backups/ccin-bot-20261130-023000.db");
            return BAD_SETTINGS;
        }
        Path backup = Path.of(options.get(0));
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

    private int importFiles(BotConfig config, List<String> files) {
        if (files.isEmpty()) {
            err.println("ccin-bot: import needs at least one file, e.g. import data/reference.yml data/organisations.csv");
            return BAD_SETTINGS;
        }
        try (Database database = Database.open(config.database().path())) {
            Store store = new Store(database, Clock.systemUTC(), config.conversations().expireAfter());
            List<Path> paths = files.stream().map(Path::of).toList();
            ImportReport report = ImportSections.importer(store, new MilestoneDates(config.plan().seasonEnds())).importFiles(paths);
            store.auditLog().record(Optional.empty(), "import", String.join(" ", files),
                    report.describe().replace('\n', ';'));
            out.println("Imported into " + store.database().file() + ":\n" + report.describe());
            embedCaseStudies(store);
            return OK;
        } catch (ImportException e) {
            err.println("ccin-bot: " + e.getMessage());
            return FAILED;
        }
    }

    /** Embeds the new and changed case studies now, so that the bot need not; a line of progress as it goes. */
    private void embedCaseStudies(Store store) {
        if (store.caseStudySearch().stale() == 0) {
            return;
        }
        long start = System.nanoTime();
        int[] embedded = {0};
        boolean semantic = store.caseStudySearch().refreshNow((done, total) -> {
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

    private int checkConfig(BotConfig config) {
        config.telegram().requireToken();
        out.println("Settings are valid:");
        out.println("  " + config.telegram());
        out.println("  database: " + config.database().path().toAbsolutePath());
        out.println("  web: " + config.web().host() + ":" + config.web().port() + ", public address "
                + config.web().publicUrl().orElse("http://localhost:" + config.web().port()) + ", /plan "
                + (config.web().planPublic() ? "public" : "for staff only"));
        out.println("  staff: " + config.staff().size() + " user id(s)");
        out.println("  time zone: " + config.zone() + ", default language: " + config.defaultLanguage());
        out.println("  sending: " + config.sending());
        out.println("  updates: " + config.updates());
        out.println("  health: " + config.health());
        out.println("  groups: " + config.groups());
        out.println("  plan: " + config.plan());
        out.println("  reminders: " + config.reminders());
        out.println("  newsletters: " + config.newsletters());
        out.println("  retention: " + config.retention());
        out.println("  backups: " + config.backups().folder().toAbsolutePath() + ", keep " + config.backups().keep()
                + ", at " + config.backups().time() + (config.backups().enabled() ? "" : " (disabled)"));
        return OK;
    }
}
