package org.ccin.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);

    @Test
    @DisplayName("Pages of the audit log, newest first, filtered by group, person (who acted or was acted on) and kind")
    void filtersAndPages() {
        Store store = TestStores.open(dir, clock);
        AuditLog log = store.auditLog();
        log.record(Optional.of(900L), "moderation.warned", Optional.of(1L), Optional.of(66L), "group a", "first");
        clock.advance(Duration.ofMinutes(1));
        log.record(Optional.of(900L), "moderation.muted", Optional.of(1L), Optional.of(66L), "group a", "");
        clock.advance(Duration.ofMinutes(1));
        log.record(Optional.of(60L), "moderation.removed", Optional.of(2L), Optional.of(67L), "group b", "");
        clock.advance(Duration.ofMinutes(1));
        log.record(Optional.empty(), "group.remove", Optional.of(1L), Optional.of(66L), "group a", "rules");
        clock.advance(Duration.ofMinutes(1));
        log.record(Optional.of(66L), "verify.asked", Optional.empty(), Optional.of(66L), "", "");
        log.record(Optional.empty(), "import", "file.yml", "3 added");

        assertThat(log.page(AuditFilter.everything(), 0, 2).entries()).extracting(AuditEntry::action)
                .containsExactly("import", "verify.asked");
        AuditPage second = log.page(AuditFilter.everything(), 2, 2);
        assertThat(second.entries()).extracting(AuditEntry::action).containsExactly("group.remove", "moderation.removed");
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.hasNewer()).isTrue();
        assertThat(second.hasOlder()).isTrue();

        AuditFilter groupA = new AuditFilter(Optional.of(1L), Optional.empty(), Optional.empty());
        assertThat(log.page(groupA, 0, 10).entries()).extracting(AuditEntry::action)
                .containsExactly("group.remove", "moderation.muted", "moderation.warned");
        AuditFilter tomsRemovals = new AuditFilter(Optional.empty(), Optional.of(66L),
                Optional.of(AuditKind.AUTOMATIC_REMOVAL));
        assertThat(log.page(tomsRemovals, 0, 10).entries()).singleElement()
                .satisfies(e -> assertThat(e.actorUserId()).isEmpty());
        AuditFilter byMo = new AuditFilter(Optional.empty(), Optional.of(60L), Optional.empty());
        assertThat(log.page(byMo, 0, 10).entries()).extracting(AuditEntry::action).containsExactly("moderation.removed");
        AuditFilter verification = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of(AuditKind.VERIFICATION));
        assertThat(log.page(verification, 0, 10).total()).isZero();
        Instant third = TestStores.START.plus(Duration.ofMinutes(3));
        assertThat(log.page(AuditFilter.everything().since(third), 0, 10).entries()).extracting(AuditEntry::action)
                .containsExactly("import", "verify.asked", "group.remove");
        assertThat(log.page(groupA.since(third), 0, 10).entries()).extracting(AuditEntry::action)
                .containsExactly("group.remove");
        assertThat(AuditKind.of("verify.asked")).contains(AuditKind.CHECK_ASKED);
        assertThat(AuditKind.of("lead.link")).contains(AuditKind.LEADS);
        assertThat(AuditKind.of("something.new")).isEmpty();

        assertThat(log.recordedAbout("verify.asked", 66, TestStores.START)).isTrue();
        assertThat(log.recordedAbout("verify.asked", 66, clock.instant().plusSeconds(1))).isFalse();
        assertThat(log.recordedAbout("verify.asked", 67, TestStores.START)).isFalse();
    }

    @Test
    @DisplayName("Entries written before the audit log had group and person columns get them from their subject")
    void olderEntriesAreBackfilled() {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        long at = TestStores.START.toEpochMilli();
        Jdbi.create(url).useHandle(h -> {
            h.execute("INSERT INTO chat_groups (id, code, kind, title, status, created_at, updated_at) "
                    + "VALUES (5, 'food-justice', 'THEME', 'Food justice', 'ACTIVE', ?, ?)", at, at);
            h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) VALUES "
                    + "(?, 900, 'moderation.warned', 'group food-justice user 66', 'report 1: Warned: 1 of 3')", at);
            h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) VALUES "
                    + "(?, NULL, 'group.remove', 'group food-justice user 67', 'rules not accepted')", at + 1);
            h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) VALUES "
                    + "(?, 900, 'verify.approve', 'member 68', '')", at + 2);
            h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) VALUES "
                    + "(?, 900, 'rules.publish', 'group 5', 'version 2')", at + 3);
        });
        try (Database database = Database.open(file)) {
            Store store = new Store(database, clock, Duration.ofDays(1));
            assertThat(store.auditLog().recent(10)).extracting(AuditEntry::action, AuditEntry::groupId,
                    AuditEntry::subjectUserId, AuditEntry::subject).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("rules.publish", Optional.of(5L), Optional.empty(),
                            Optional.of("group 5")),
                    org.assertj.core.groups.Tuple.tuple("verify.approve", Optional.empty(), Optional.of(68L),
                            Optional.of("")),
                    org.assertj.core.groups.Tuple.tuple("group.remove", Optional.of(5L), Optional.of(67L),
                            Optional.of("group food-justice")),
                    org.assertj.core.groups.Tuple.tuple("moderation.warned", Optional.of(5L), Optional.of(66L),
                            Optional.of("group food-justice")));
        }
    }
}
