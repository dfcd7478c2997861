package org.ccin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    @DisplayName("Opening an empty file creates it, with its folder, and every table of the schema")
    void migratesEmptyFile(@TempDir Path dir) {
        Path file = dir.resolve("nested/folder/bot.db");

        Database database = Database.open(file);

        assertThat(Files.exists(file)).isTrue();
        assertThat(tables(database)).contains("members", "organisations", "inbox", "conversations", "audit_log",
                "membership_categories", "regions", "bot_state");
        assertThat(database.isHealthy()).isTrue();
    }

    @Test
    @DisplayName("Opening the same file twice runs no migration again and keeps the data")
    void secondOpenChangesNothing(@TempDir Path dir) {
        Path file = dir.resolve("bot.db");
        Database first = Database.open(file);
        first.jdbi().useHandle(h -> h.execute(
                "INSERT INTO bot_state (key, value, updated_at) VALUES ('k', 'v', 0)"));
        int applied = number(first, "SELECT count(*) FROM flyway_schema_history");

        Database second = Database.open(file);

        assertThat(number(second, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied);
        assertThat(text(second, "SELECT value FROM bot_state WHERE key = 'k'")).isEqualTo("v");
    }

    @Test
    @DisplayName("The database runs in WAL mode with foreign keys enforced")
    void pragmas(@TempDir Path dir) {
        Database database = Database.open(dir.resolve("bot.db"));

        assertThat(text(database, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(number(database, "PRAGMA foreign_keys")).isEqualTo(1);
    }

    private static int number(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String text(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static List<String> tables(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class).list());
    }
}
