package org.ccin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ccin.config.ManualClock;
import org.ccin.store.inbox.InboxStatus;
import org.ccin.store.members.Member;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by the first released schema (V1), with data in it, is brought up to date and nothing is lost. */
class MigrationFromFirstSchemaTest {
    @TempDir
    Path dir;

    @Test
    void theFirstSchemaWithDataMigratesToTheLatest() {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1").load().migrate();
        long at = TestStores.START.toEpochMilli();
        Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES ('full', 'Full Member', 'Aelod Llawn', 1)");
            h.execute("INSERT INTO regions (code, name_en, name_cy, kind, sort_order) VALUES ('wales', 'Wales', 'Cymru', 'nation', 1)");
            h.execute("INSERT INTO organisations (id, name, name_key, category_code, region_code, created_at, updated_at) "
                    + "VALUES (1, 'Cardiff Council', 'cardiff council', 'full', 'wales', ?, ?)", at, at);
            h.execute("INSERT INTO members (id, telegram_user_id, first_name, username, language, organisation_id, "
                    + "category_code, work_role, region_code, registered_at, created_at, updated_at) VALUES "
                    + "(7, 42, 'Ada', 'ada', 'cy', 1, 'full', 'OFFICER', 'wales', ?, ?, ?)", at, at, at);
            h.execute("INSERT INTO inbox (update_id, chat_key, kind, payload, received_at, status) VALUES "
                    + "(100, 42, 'message', '{\"update_id\":100}', ?, 'PENDING')", at);
            h.execute("INSERT INTO conversations (chat_id, user_id, flow, step, state, version, updated_at, expires_at) "
                    + "VALUES (42, 42, 'registration', 'region', '{}', 3, ?, ?)", at, at + 86_400_000L);
            h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) VALUES (?, 900, 'import', 'x', '')",
                    at);
        });

        ManualClock clock = new ManualClock(TestStores.START);
        try (Database database = Database.open(file)) {
            Store store = new Store(database, clock, Duration.ofDays(1));
            Integer version = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")
                    .mapTo(Integer.class).one());
            assertThat(version).isGreaterThanOrEqualTo(8);

            Member ada = store.members().findByTelegramId(42).orElseThrow();
            assertThat(ada.id()).isEqualTo(7);
            assertThat(ada.firstName()).isEqualTo("Ada");
            assertThat(ada.language()).isEqualTo("cy");
            assertThat(ada.isRegistered()).isTrue();
            assertThat(ada.organisationId()).contains(1L);
            assertThat(ada.unreachableAt()).isEmpty();
            assertThat(store.organisations().findById(1)).isPresent();
            assertThat(store.inbox().status(100)).isEqualTo(InboxStatus.PENDING);
            assertThat(store.conversations().find(42, 42)).isPresent();
            assertThat(store.auditLog().recent(5)).extracting(e -> e.action()).containsExactly("import");
            // the newer tables work on the old data
            assertThat(store.newsletters().subscriptions().subscribe(7, "monthly", "I agree", "cy")).isTrue();
            assertThat(store.newsletters().subscriptions().topics(7)).containsExactly("monthly");
        }
    }
}
