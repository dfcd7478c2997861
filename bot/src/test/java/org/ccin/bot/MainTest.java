package org.ccin.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Main(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    @DisplayName("Without a token the bot says exactly what to set and exits non-zero")
    void noToken() {
        int status = run(Map.of());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ccin-bot: CCIN_BOT_TOKEN is not set")
                .contains("@BotFather");
    }

    @Test
    @DisplayName("A bad setting stops the start with one line naming it")
    void badSetting() {
        int status = run(Map.of("CCIN_BOT_TOKEN", "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "CCIN_BOT_STAFF", "x"));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ccin-bot: CCIN_BOT_STAFF (setting staff): 'x' is not a Telegram user id")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("import loads the bundled data and reports what changed; a second run changes nothing")
    void importCommand(@TempDir Path dir) {
        Map<String, String> env = Map.of("CCIN_BOT_DB", dir.resolve("bot.db").toString());
        String reference = Path.of("..", "data", "reference.yml").toString();

        int first = run(env, "import", reference);
        int second = run(env, "import", reference);

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("regions: 12 added, 0 updated, 0 unchanged")
                .contains("regions: 0 added, 0 updated, 12 unchanged");
    }

    @Test
    @DisplayName("import embeds the new case studies for search by meaning with a progress line, once")
    void importEmbedsCaseStudies(@TempDir Path dir) {
        Map<String, String> env = Map.of("CCIN_BOT_DB", dir.resolve("bot.db").toString());
        String[] files = java.util.stream.Stream.of("import", "reference.yml", "topics.yml", "case-studies.yml")
                .map(f -> f.equals("import") ? f : Path.of("..", "data", f).toString()).toArray(String[]::new);

        assertThat(run(env, files)).isZero();
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        assertThat(run(env, files)).isZero();

        assertThat(first).contains("embedding case studies for search by meaning: 46 of 46");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("46 unchanged")
                .doesNotContain("embedding case studies");
    }

    @Test
    @DisplayName("backup writes a copy; restore puts it back, keeps the replaced file and reports what it restored")
    void backupAndRestore(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("CCIN_BOT_DB", dir.resolve("bot.db").toString());
        assertThat(run(env, "import", Path.of("..", "data", "reference.yml").toString(),
                Path.of("..", "data", "organisations.csv").toString())).isZero();
        assertThat(run(env, "backup", dir.resolve("copies").toString())).isZero();
        java.util.List<Path> copies = org.ccin.store.privacy.Backups.list(dir.resolve("copies"));
        assertThat(copies).hasSize(1);
        // the database is lost meanwhile
        java.nio.file.Files.delete(dir.resolve("bot.db"));
        java.nio.file.Files.writeString(dir.resolve("bot.db"), "broken");

        assertThat(run(env, "restore", copies.get(0).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("restored " + copies.get(0))
                .contains("the replaced database is kept as");
        try (org.ccin.store.Database database = org.ccin.store.Database.open(dir.resolve("bot.db"))) {
            int organisations = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM organisations")
                    .mapTo(Integer.class).one());
            assertThat(organisations).isPositive();
        }
        assertThat(run(env, "restore", dir.resolve("nothing.db").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no backup file");
    }

    @Test
    @DisplayName("backup and restore refuse, with one line, while a bot runs on the database; nothing is changed")
    void refusedUnderARunningBot(@TempDir Path dir) throws Exception {
        try (org.ccin.bot.e2e.TestBot bot = org.ccin.bot.e2e.TestBot.start(
                java.nio.file.Files.createDirectories(dir.resolve("running")))) {
            Map<String, String> env = Map.of("CCIN_BOT_DB", bot.config().database().path().toString());
            Path before = dir.resolve("before.db");
            java.nio.file.Files.copy(bot.config().database().path(), before);
            long size = java.nio.file.Files.size(bot.config().database().path());

            assertThat(run(env, "backup", dir.resolve("copies").toString())).isEqualTo(1);
            assertThat(run(env, "restore", before.toString())).isEqualTo(1);

            assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("a running ccin-bot holds")))
                    .hasSize(2).allSatisfy(line -> assertThat(line).contains("stop it first"));
            assertThat(java.nio.file.Files.exists(dir.resolve("copies"))).isFalse();
            assertThat(java.nio.file.Files.size(bot.config().database().path())).isEqualTo(size);
            // the bot is unharmed
            bot.send(bot.user(42, "Ada"), "/whoami");
            bot.awaitText(42, "Your Telegram id");
        }
    }

    @Test
    @DisplayName("backup where there is no database says so, and creates nothing")
    void backupWithoutDatabase(@TempDir Path dir) {
        Map<String, String> env = Map.of("CCIN_BOT_DB", dir.resolve("missing.db").toString());

        assertThat(run(env, "backup", dir.resolve("copies").toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no database at")
                .contains("missing.db");
        assertThat(java.nio.file.Files.exists(dir.resolve("missing.db"))).isFalse();
        assertThat(java.nio.file.Files.exists(dir.resolve("copies"))).isFalse();
    }

    @Test
    @DisplayName("The README's example token passes the settings check")
    void readmeTokenIsAccepted() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("CCIN_BOT_TOKEN=(\\S+)").matcher(readme);
        assertThat(token.find()).as("the README shows how to pass the token").isTrue();

        assertThat(run(Map.of("CCIN_BOT_TOKEN", token.group(1)), "check-config")).isZero();
    }

    @Test
    @DisplayName("import of a broken file changes nothing and names the problem")
    void importProblem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("organisations.csv");
        java.nio.file.Files.writeString(bad, "name,category,region\nSomewhere Council,gold,mars\n");

        int status = run(Map.of("CCIN_BOT_DB", dir.resolve("bot.db").toString()), "import", bad.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing was imported")
                .contains("organisations.csv line 2: unknown category 'gold'");
    }

    @Test
    @DisplayName("check-config shows the settings without the token; an unknown command shows the usage")
    void checkConfigAndUsage() {
        String token = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        int status = run(Map.of("CCIN_BOT_TOKEN", token), "check-config");
        int unknown = run(Map.of(), "frobnicate");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Settings are valid").doesNotContain(token);
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("Usage:");
    }

    @Test
    @DisplayName("Every sub-command answers --help with its own usage and exit status 0")
    void helpOfEachCommand() {
        for (String command : java.util.List.of("run", "demo", "import", "check-config", "backup", "restore", "warm-up")) {
            out.reset();
            assertThat(run(Map.of(), command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("Usage: ccin-bot " + command);
        }
        out.reset();
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("check-config").contains("restore")
                .contains("CCIN_BOT_TOKEN");
        out.reset();
        assertThat(run(Map.of(), "help", "backup")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ccin-bot backup");
    }

    @Test
    @DisplayName("A wrong argument to a sub-command is named in one line, with that command's usage, status 2")
    void badArguments() {
        assertThat(run(Map.of(), "restore")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ccin-bot: Missing required parameter: 'FILE'")
                .contains("Usage: ccin-bot restore");
        err.reset();
        assertThat(run(Map.of(), "demo", "--port", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many' is not an int").contains("Usage: ccin-bot demo");
    }

    @Test
    @DisplayName("check-config prints YAML with the file's names, each value's source, and no secret")
    void checkConfigAsYaml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bot.yml");
        java.nio.file.Files.writeString(file, "groups:\n  atWarningLimit: mute\n  rulesGrace: 3m\n"
                + "telegram:\n  webhook:\n    secret: s3cr3t-webhook\n");
        String token = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        int status = run(Map.of("CCIN_BOT_TOKEN", token, "CCIN_BOT_WEB_PORT", "9090"), "check-config", "--config",
                file.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).doesNotContain(token).doesNotContain("s3cr3t-webhook").doesNotContain("Optional")
                .doesNotContain("PT").doesNotContain("Settings[");
        com.fasterxml.jackson.databind.JsonNode yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(printed);
        assertThat(yaml.at("/groups/atWarningLimit").asText()).isEqualTo("mute");
        assertThat(yaml.at("/groups/rulesGrace").asText()).isEqualTo("3m");
        assertThat(yaml.at("/groups/muteFor").asText()).isEqualTo("1d");
        assertThat(yaml.at("/web/port").asInt()).isEqualTo(9090);
        assertThat(yaml.at("/telegram/token").asText()).isEqualTo("(hidden)");
        assertThat(yaml.at("/reminders/daysBefore").isArray()).isTrue();
        assertThat(yaml.at("/reminders/workdayStart").asText()).isEqualTo("09:00");
        assertThat(yaml.at("/telegram/apiUrl").asText()).isEqualTo("https://api.telegram.org");
        assertThat(printed).containsPattern("(?m)^  atWarningLimit: mute  # file$")
                .containsPattern("(?m)^  muteFor: 1d  # default$")
                .containsPattern("(?m)^  port: 9090  # environment CCIN_BOT_WEB_PORT$")
                .containsPattern("(?m)^  token: \"\\(hidden\\)\"  # environment CCIN_BOT_TOKEN$");
    }
}
