package org.ccin.store.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ccin.config.ManualClock;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxRepositoryTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private InboxRepository inbox;

    @BeforeEach
    void open() {
        inbox = TestStores.open(dir, clock).inbox();
    }

    private static IncomingUpdate update(long id, long chat) {
        return IncomingUpdate.readable(id, chat, "message", "{\"update_id\":" + id + "}");
    }

    private static List<Long> ids(List<StoredUpdate> updates) {
        return updates.stream().map(StoredUpdate::updateId).toList();
    }

    @Test
    @DisplayName("A stored update keeps its chat, kind, payload and arrival time, and waits as pending")
    void roundTrip() {
        inbox.store(List.of(update(100, 42)));

        assertThat(inbox.pending(0, 10)).containsExactly(
                new StoredUpdate(100, 42, "message", "{\"update_id\":100}", TestStores.START, InboxStatus.PENDING));
        assertThat(inbox.status(100)).isEqualTo(InboxStatus.PENDING);
    }

    @Test
    @DisplayName("A redelivered update id is not stored twice, and the first copy is kept as it was")
    void redeliveryIsIgnored() {
        inbox.store(List.of(update(100, 42)));
        inbox.markProcessed(100, InboxStatus.DONE, "ok");
        clock.advance(Duration.ofMinutes(1));

        int again = inbox.store(List.of(IncomingUpdate.readable(100, 99, "callback_query", "{\"other\":true}")));

        assertThat(again).isZero();
        assertThat(inbox.status(100)).isEqualTo(InboxStatus.DONE);
        assertThat(inbox.pending(0, 10)).isEmpty();
        assertThat(inbox.describeNewest(10)).containsExactly("100 message chat 42 DONE: ok");
    }

    @Test
    @DisplayName("A batch that mixes new and already stored updates counts only the new ones")
    void mixedBatch() {
        inbox.store(List.of(update(100, 1), update(102, 1)));

        int stored = inbox.store(List.of(update(100, 1), update(101, 1), update(102, 1), update(103, 2)));

        assertThat(stored).isEqualTo(2);
        assertThat(ids(inbox.pending(0, 10))).containsExactly(100L, 101L, 102L, 103L);
    }

    @Test
    @DisplayName("The same update id twice within one batch is stored once")
    void duplicateWithinBatch() {
        assertThat(inbox.store(List.of(update(100, 1), update(100, 1)))).isEqualTo(1);
        assertThat(inbox.countPending()).isEqualTo(1);
    }

    @Test
    @DisplayName("An empty batch stores nothing")
    void emptyBatch() {
        assertThat(inbox.store(List.of())).isZero();
        assertThat(inbox.countPending()).isZero();
        assertThat(inbox.describeNewest(10)).isEmpty();
    }

    @Test
    @DisplayName("Pending updates come in update-id order whatever order they arrived in, after a given id, up to a limit")
    void pendingOrderAfterAndLimit() {
        inbox.store(List.of(update(105, 1), update(101, 2), update(103, 1)));
        inbox.store(List.of(update(102, 3), update(104, 1)));

        assertThat(ids(inbox.pending(0, 10))).containsExactly(101L, 102L, 103L, 104L, 105L);
        assertThat(ids(inbox.pending(0, 2))).containsExactly(101L, 102L);
        assertThat(ids(inbox.pending(102, 2))).containsExactly(103L, 104L);
        assertThat(ids(inbox.pending(105, 10))).isEmpty();
    }

    @Test
    @DisplayName("Done and failed updates leave the pending queue, and the outcome is recorded")
    void processedLeavesTheQueue() {
        inbox.store(List.of(update(1, 1), update(2, 1), update(3, 1)));

        inbox.markProcessed(1, InboxStatus.DONE, "registered");
        inbox.markProcessed(2, InboxStatus.FAILED, "boom");

        assertThat(ids(inbox.pending(0, 10))).containsExactly(3L);
        assertThat(inbox.countPending()).isEqualTo(1);
        assertThat(inbox.status(1)).isEqualTo(InboxStatus.DONE);
        assertThat(inbox.status(2)).isEqualTo(InboxStatus.FAILED);
        assertThat(inbox.describeNewest(10)).containsExactly(
                "3 message chat 1 PENDING", "2 message chat 1 FAILED: boom", "1 message chat 1 DONE: registered");
    }

    @Test
    @DisplayName("Marking an update the inbox never saw changes nothing, and asking its status is an error")
    void unknownUpdate() {
        inbox.store(List.of(update(1, 1)));

        inbox.markProcessed(999, InboxStatus.DONE, "ok");

        assertThat(ids(inbox.pending(0, 10))).containsExactly(1L);
        assertThat(inbox.describeNewest(10)).containsExactly("1 message chat 1 PENDING");
        assertThatThrownBy(() -> inbox.status(999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }

    @Test
    @DisplayName("An unreadable update is kept quarantined with its reason: never pending, counted since a time")
    void quarantined() {
        inbox.store(List.of(IncomingUpdate.quarantined(7, 1, "message", "{bad", "no text")));
        clock.advance(Duration.ofHours(1));
        Instant later = clock.instant();
        inbox.store(List.of(IncomingUpdate.quarantined(8, 2, "poll", "{}", "unknown kind"), update(9, 1)));

        assertThat(inbox.status(7)).isEqualTo(InboxStatus.QUARANTINED);
        assertThat(ids(inbox.pending(0, 10))).containsExactly(9L);
        assertThat(inbox.countPending()).isEqualTo(1);
        assertThat(inbox.quarantinedSince(TestStores.START, 10)).containsExactly(
                new QuarantinedUpdate(7, "message", TestStores.START, "no text"),
                new QuarantinedUpdate(8, "poll", later, "unknown kind"));
        assertThat(inbox.quarantinedSince(later, 10)).extracting(QuarantinedUpdate::updateId).containsExactly(8L);
        assertThat(inbox.quarantinedSince(TestStores.START, 1)).extracting(QuarantinedUpdate::updateId)
                .containsExactly(7L);
        assertThat(inbox.countQuarantinedSince(TestStores.START)).isEqualTo(2);
        assertThat(inbox.countQuarantinedSince(later)).isEqualTo(1);
        assertThat(inbox.countQuarantinedSince(later.plusMillis(1))).isZero();
    }

    @Test
    @DisplayName("How far behind: the arrival of the oldest pending update, or nothing when all are handled")
    void oldestPending() {
        assertThat(inbox.oldestPendingReceivedAt()).isEmpty();

        inbox.store(List.of(update(1, 1)));
        clock.advance(Duration.ofMinutes(3));
        inbox.store(List.of(update(2, 1), IncomingUpdate.quarantined(3, 1, "message", "{", "bad")));

        assertThat(inbox.oldestPendingReceivedAt()).contains(TestStores.START);
        inbox.markProcessed(1, InboxStatus.DONE, "ok");
        assertThat(inbox.oldestPendingReceivedAt()).contains(TestStores.START.plus(Duration.ofMinutes(3)));
        inbox.markProcessed(2, InboxStatus.FAILED, "x");
        assertThat(inbox.oldestPendingReceivedAt()).isEmpty();
    }

    @Test
    @DisplayName("The newest updates in words are newest first and stop at the limit")
    void describeNewestLimit() {
        inbox.store(List.of(update(1, 1), update(2, 5), update(3, 1)));

        assertThat(inbox.describeNewest(2)).containsExactly("3 message chat 1 PENDING", "2 message chat 5 PENDING");
    }
}
