package org.ccin.store.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.StoreException;
import org.ccin.store.TestStores;
import org.ccin.store.inbox.InboxStatus;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionAndBackupsTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(TestStores.START);

    private static OutboxMessage message(String key) {
        return new OutboxMessage(key, OutboxLane.REMINDER, "test", 1, 42, "{}", TestStores.START);
    }

    @Test
    void retentionPrunesOnlyWhatIsDue() {
        Store store = TestStores.open(dir, clock);
        store.auditLog().record(Optional.of(1L), "old", "", "");
        store.outbox().enqueue(List.of(message("old-sent"), message("old-waiting")));
        OutboxRow sent = store.outbox().claim(OutboxLane.REMINDER, 1).get(0);
        store.outbox().markSent(sent.id(), Optional.of(1));
        store.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO inbox (update_id, chat_key, kind, payload, received_at, status) VALUES "
                    + "(1, 42, 'message', '{}', ?, 'DONE'), (2, 42, 'message', '{}', ?, 'PENDING')",
                    TestStores.START.toEpochMilli(), TestStores.START.toEpochMilli());
        });

        clock.advance(Duration.ofDays(20));
        store.auditLog().record(Optional.of(1L), "recent", "", "");
        Retention.Pruned early = store.retention().prune(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(730));
        assertThat(early).isEqualTo(new Retention.Pruned(0, 0, 0, 0));

        clock.advance(Duration.ofDays(20));
        Retention.Pruned updates = store.retention().prune(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(730));
        assertThat(updates.updates()).isEqualTo(1);
        assertThat(store.inbox().status(2)).isEqualTo(InboxStatus.PENDING);

        clock.advance(Duration.ofDays(60));
        Retention.Pruned messages = store.retention().prune(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(730));
        assertThat(messages.messages()).isEqualTo(1);
        assertThat(store.outbox().find("old-sent")).isEmpty();
        assertThat(store.outbox().find("old-waiting")).isPresent();

        clock.advance(Duration.ofDays(645));
        Retention.Pruned audit = store.retention().prune(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(730));
        assertThat(audit.auditEntries()).isEqualTo(1);
        assertThat(store.auditLog().recent(10)).extracting(e -> e.action()).containsExactly("recent");
    }

    @Test
    void aBackupRestoresTheDataAndOnlyTheNewestAreKept() throws Exception {
        Path file = dir.resolve("bot.db");
        Path folder = dir.resolve("backups");
        Path backup;
        try (Database database = Database.open(file)) {
            Store store = new Store(database, clock, Duration.ofHours(1));
            store.members().recordContact(42, "Ada", Optional.empty(), "en");
            backup = store.backups().backup(folder, 3);
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofDays(1));
                store.backups().backup(folder, 3);
            }
            assertThat(Backups.list(folder)).hasSize(3).doesNotContain(backup);
            clock.set(TestStores.START.plusSeconds(1));
            backup = store.backups().backup(dir.resolve("keep"), 3);
            store.members().recordContact(43, "Bo", Optional.empty(), "en");
        }

        Optional<Path> kept = Backups.restore(backup, file, clock);
        assertThat(kept).isPresent();
        assertThat(Files.exists(kept.get())).isTrue();
        try (Database database = Database.open(file)) {
            Store store = new Store(database, clock, Duration.ofHours(1));
            assertThat(store.members().findByTelegramId(42)).isPresent();
            assertThat(store.members().findByTelegramId(43)).isEmpty();
        }
    }

    @Test
    void restoreRefusesWhatIsNotABackup() throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("notes.db"), "not a database");
        assertThatThrownBy(() -> Backups.restore(notSqlite, dir.resolve("bot.db"), clock))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a SQLite database");
        assertThatThrownBy(() -> Backups.restore(dir.resolve("missing.db"), dir.resolve("bot.db"), clock))
                .isInstanceOf(StoreException.class).hasMessageContaining("there is no backup file");
        assertThat(Files.exists(dir.resolve("bot.db"))).isFalse();
    }
}
