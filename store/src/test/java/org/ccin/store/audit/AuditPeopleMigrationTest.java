package org.ccin.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V26: entries that named a reviewer by id in their words name them in the person column instead. */
class AuditPeopleMigrationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A reviewer's id moves from the details to the person column; words that are no id stay")
    void reviewersMoveToThePersonColumn() {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("23").load()
                .migrate();
        Jdbi.create(url).useHandle(h -> h.execute("INSERT INTO audit_log (at, actor_user_id, action, subject, details) "
                + "VALUES (1, 900, 'labs.reviewer', '1', '43'), (2, 900, 'labs.reviewer.removed', '1', '43'), "
                + "(3, 900, 'labs.reviewer', '2', 'not an id'), (4, 900, 'lead.link', '1.4', 'Ada as Lead')"));

        try (Database database = Database.open(file)) {
            Store store = new Store(database, new ManualClock(org.ccin.store.TestStores.START), Duration.ofDays(1));
            List<AuditEntry> entries = store.auditLog().recent(10);
            assertThat(entries).filteredOn(e -> e.subject().equals(Optional.of("1"))).hasSize(2).allSatisfy(e -> {
                assertThat(e.subjectUserId()).contains(43L);
                assertThat(e.details()).contains("");
            });
            assertThat(entries).filteredOn(e -> e.subject().equals(Optional.of("2"))).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains("not an id"));
            // nobody of that name leads 1.4: the words stay, for the person's erasure to scrub
            assertThat(entries).filteredOn(e -> e.action().equals("lead.link")).singleElement()
                    .satisfies(e -> assertThat(e.details()).contains("Ada as Lead"));
            assertThat(store.auditLog().page(new AuditFilter(Optional.empty(), Optional.of(43L), Optional.empty()),
                    0, 10).total()).isEqualTo(2);
        }
    }
}
