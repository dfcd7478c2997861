package org.ccin.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private OutboxRepository outbox;

    @BeforeEach
    void open() {
        outbox = TestStores.open(dir, clock).outbox();
    }

    private static OutboxMessage message(String key, OutboxLane lane, long refId, Instant notBefore) {
        return new OutboxMessage(key, lane, "newsletter", refId, 1000 + refId, "{\"text\":\"" + key + "\"}", notBefore);
    }

    private static OutboxMessage broadcast(String key) {
        return message(key, OutboxLane.BROADCAST, 7, START);
    }

    private OutboxRow row(String key) {
        return outbox.find(key).orElseThrow();
    }

    private static List<String> keys(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::dedupeKey).toList();
    }

    @Test
    @DisplayName("An enqueued message is stored pending, untried, with everything it was given")
    void enqueueRoundTrip() {
        OutboxMessage message = new OutboxMessage("reminder:3:member:9", OutboxLane.REMINDER, "reminder", 3, 555,
                "{\"text\":\"hi\"}", START.plusSeconds(60));

        assertThat(outbox.enqueue(List.of(message))).isEqualTo(1);

        OutboxRow stored = row("reminder:3:member:9");
        assertThat(stored).isEqualTo(new OutboxRow(stored.id(), "reminder:3:member:9", OutboxLane.REMINDER, "reminder",
                3, 555, "{\"text\":\"hi\"}", OutboxStatus.PENDING, 0, START.plusSeconds(60), START,
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(outbox.find("no-such-key")).isEmpty();
    }

    @Test
    @DisplayName("Enqueueing is idempotent by dedupe key: a second copy is skipped and the first is left as it was")
    void enqueueIsIdempotent() {
        outbox.enqueue(List.of(broadcast("a")));
        OutboxRow claimed = outbox.claim(OutboxLane.BROADCAST, 10).get(0);
        outbox.markSent(claimed.id(), Optional.of(77));

        int again = outbox.enqueue(List.of(message("a", OutboxLane.REMINDER, 9, START), broadcast("b")));

        assertThat(again).isEqualTo(1);
        assertThat(row("a").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row("a").lane()).isEqualTo(OutboxLane.BROADCAST);
        assertThat(outbox.byRef("newsletter", 7)).extracting(OutboxRow::dedupeKey).containsExactly("a", "b");
        assertThat(outbox.enqueue(List.of())).isZero();
    }

    @Test
    @DisplayName("A claim takes only due messages of its lane, oldest due first, up to the limit, and marks them sending")
    void claimDueOfLaneInOrder() {
        outbox.enqueue(List.of(
                message("late", OutboxLane.BROADCAST, 1, START.minusSeconds(10)),
                message("early", OutboxLane.BROADCAST, 1, START.minusSeconds(60)),
                message("now", OutboxLane.BROADCAST, 1, START),
                message("future", OutboxLane.BROADCAST, 1, START.plusSeconds(1)),
                message("reminder", OutboxLane.REMINDER, 1, START.minusSeconds(120))));

        List<OutboxRow> first = outbox.claim(OutboxLane.BROADCAST, 2);
        List<OutboxRow> second = outbox.claim(OutboxLane.BROADCAST, 10);

        assertThat(keys(first)).containsExactly("early", "late");
        assertThat(first).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(OutboxStatus.SENDING);
            assertThat(r.attempts()).isEqualTo(1);
        });
        assertThat(keys(second)).containsExactly("now");
        assertThat(outbox.claim(OutboxLane.BROADCAST, 10)).isEmpty();
        assertThat(row("future").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("reminder").status()).isEqualTo(OutboxStatus.PENDING);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys(outbox.claim(OutboxLane.BROADCAST, 10))).containsExactly("future");
    }

    @Test
    @DisplayName("Messages due at the same moment are claimed in the order they were enqueued")
    void sameDueKeepsEnqueueOrder() {
        outbox.enqueue(List.of(broadcast("c"), broadcast("a"), broadcast("b")));

        assertThat(keys(outbox.claim(OutboxLane.BROADCAST, 10))).containsExactly("c", "a", "b");
    }

    @Test
    @DisplayName("A sent message keeps Telegram's message id and the time it went; a failure keeps its status and reason")
    void settle() {
        outbox.enqueue(List.of(broadcast("ok"), broadcast("refused"), broadcast("blocked")));
        List<OutboxRow> claimed = outbox.claim(OutboxLane.BROADCAST, 10);
        clock.advance(Duration.ofSeconds(5));

        outbox.markSent(claimed.get(0).id(), Optional.of(4242));
        outbox.markFailed(claimed.get(1).id(), OutboxStatus.FAILED, "400 Bad Request");
        outbox.markFailed(claimed.get(2).id(), OutboxStatus.BLOCKED, "403 Forbidden");

        assertThat(row("ok").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row("ok").telegramMessageId()).contains(4242);
        assertThat(row("ok").sentAt()).contains(START.plusSeconds(5));
        assertThat(row("ok").error()).isEmpty();
        assertThat(row("refused").status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(row("refused").error()).contains("400 Bad Request");
        assertThat(row("refused").sentAt()).isEmpty();
        assertThat(row("blocked").status()).isEqualTo(OutboxStatus.BLOCKED);
        assertThat(outbox.counts("newsletter", 7)).isEqualTo(Map.of(
                OutboxStatus.SENT, 1, OutboxStatus.FAILED, 1, OutboxStatus.BLOCKED, 1));
    }

    @Test
    @DisplayName("A message sent without a message id back is still sent")
    void sentWithoutMessageId() {
        outbox.enqueue(List.of(broadcast("a")));
        outbox.markSent(outbox.claim(OutboxLane.BROADCAST, 1).get(0).id(), Optional.empty());

        assertThat(row("a").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row("a").telegramMessageId()).isEmpty();
    }

    @Test
    @DisplayName("A claimed message released before its call goes back to pending, its attempt not counted")
    void releaseBeforeCall() {
        outbox.enqueue(List.of(broadcast("a")));
        OutboxRow claimed = outbox.claim(OutboxLane.BROADCAST, 1).get(0);

        outbox.release(claimed.id());

        assertThat(row("a").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("a").attempts()).isZero();
        assertThat(keys(outbox.claim(OutboxLane.BROADCAST, 1))).containsExactly("a");
    }

    @Test
    @DisplayName("Releasing a message whose call was made, or that is not being sent, changes nothing")
    void releaseAfterCallChangesNothing() {
        outbox.enqueue(List.of(broadcast("called"), broadcast("sent")));
        List<OutboxRow> claimed = outbox.claim(OutboxLane.BROADCAST, 2);
        assertThat(outbox.markCalled(claimed.get(0))).isTrue();
        outbox.markSent(claimed.get(1).id(), Optional.of(1));

        outbox.release(claimed.get(0).id());
        outbox.release(claimed.get(1).id());
        outbox.release(999_999);

        assertThat(row("called").status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(row("called").attempts()).isEqualTo(1);
        assertThat(row("sent").status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    @DisplayName("A call may be made only for the claim that holds the row: not after it was taken back or claimed again")
    void markCalledBelongsToItsClaim() {
        outbox.enqueue(List.of(broadcast("a"), broadcast("b")));
        OutboxRow firstClaim = outbox.claim(OutboxLane.BROADCAST, 1).get(0);
        OutboxRow heldClaim = outbox.claim(OutboxLane.BROADCAST, 1).get(0);

        // "a" is paused (taken back) and resumed, then claimed a second time
        assertThat(outbox.move("newsletter", 7, OutboxStatus.SENDING, OutboxStatus.HELD)).isEqualTo(2);
        assertThat(outbox.markCalled(heldClaim)).isFalse();
        outbox.move("newsletter", 7, OutboxStatus.HELD, OutboxStatus.PENDING);
        OutboxRow secondClaim = outbox.claim(OutboxLane.BROADCAST, 1).get(0);

        assertThat(secondClaim.dedupeKey()).isEqualTo("a");
        assertThat(secondClaim.attempts()).isEqualTo(2);
        assertThat(outbox.markCalled(firstClaim)).isFalse();
        assertThat(outbox.markCalled(secondClaim)).isTrue();
    }

    @Test
    @DisplayName("After a crash: uncalled rows go back to pending; called rows are sent again and marked as resent")
    void resolveInterrupted() {
        outbox.enqueue(List.of(broadcast("waiting"), broadcast("called"), broadcast("done"), broadcast("untouched")));
        List<OutboxRow> claimed = outbox.claim(OutboxLane.BROADCAST, 3);
        outbox.markCalled(claimed.get(1));
        outbox.markSent(claimed.get(2).id(), Optional.of(9));

        OutboxRepository.Interrupted interrupted = outbox.resolveInterrupted();

        assertThat(interrupted).isEqualTo(new OutboxRepository.Interrupted(1, 1));
        assertThat(row("waiting").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("waiting").attempts()).isZero();
        assertThat(row("waiting").error()).isEmpty();
        assertThat(row("called").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("called").attempts()).isEqualTo(1);
        assertThat(row("called").error()).hasValueSatisfying(e -> assertThat(e).contains("sent again"));
        assertThat(row("done").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.resentAfterCrash("newsletter", 7)).isEqualTo(1);
        assertThat(outbox.resentAfterCrash("newsletter", 8)).isZero();
        assertThat(outbox.resentAfterCrash("reminder", 7)).isZero();
    }

    @Test
    @DisplayName("A row sent again after a crash starts a fresh claim: its new call is allowed and a second crash counts it once")
    void resentRowIsCalledAfresh() {
        outbox.enqueue(List.of(broadcast("a")));
        outbox.markCalled(outbox.claim(OutboxLane.BROADCAST, 1).get(0));
        outbox.resolveInterrupted();

        OutboxRow again = outbox.claim(OutboxLane.BROADCAST, 1).get(0);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(outbox.markCalled(again)).isTrue();
        assertThat(outbox.resolveInterrupted()).isEqualTo(new OutboxRepository.Interrupted(0, 1));

        assertThat(outbox.resentAfterCrash("newsletter", 7)).isEqualTo(1);
    }

    @Test
    @DisplayName("Rows an older version left uncertain: sent again when at most a week old, given up when older, once")
    void leftUncertain() {
        outbox.enqueue(List.of(message("old", OutboxLane.REMINDER, 3, START), message("recent", OutboxLane.REMINDER,
                4, START), broadcast("sent")));
        outbox.move("newsletter", 3, OutboxStatus.PENDING, OutboxStatus.UNCERTAIN);
        clock.advance(Duration.ofDays(6));
        outbox.move("newsletter", 4, OutboxStatus.PENDING, OutboxStatus.UNCERTAIN);
        outbox.markSent(row("sent").id(), Optional.of(5));
        clock.advance(Duration.ofDays(2));

        assertThat(outbox.resolveLeftUncertain(Duration.ofDays(7)))
                .isEqualTo(new OutboxRepository.LeftUncertain(1, 1));

        assertThat(row("recent").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("recent").error()).hasValueSatisfying(e -> assertThat(e).contains("sent again"));
        assertThat(outbox.resentAfterCrash("newsletter", 4)).isEqualTo(1);
        assertThat(row("old").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(row("old").error()).hasValueSatisfying(e -> assertThat(e).contains("too old"));
        assertThat(row("sent").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.claim(OutboxLane.REMINDER, 10)).extracting(OutboxRow::dedupeKey).containsExactly("recent");
        assertThat(outbox.resolveLeftUncertain(Duration.ofDays(7)))
                .isEqualTo(new OutboxRepository.LeftUncertain(0, 0));
    }

    @Test
    @DisplayName("With nothing left sending, resolving a crash changes nothing")
    void resolveInterruptedWithNothingSending() {
        outbox.enqueue(List.of(broadcast("a")));

        assertThat(outbox.resolveInterrupted()).isEqualTo(new OutboxRepository.Interrupted(0, 0));
        assertThat(row("a").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("a").error()).isEmpty();
    }

    @Test
    @DisplayName("Moving a thing's messages touches only that kind, that ref and that status")
    void moveIsNarrow() {
        outbox.enqueue(List.of(broadcast("a"), broadcast("b"), message("other-ref", OutboxLane.BROADCAST, 8, START),
                new OutboxMessage("other-kind", OutboxLane.BROADCAST, "reminder", 7, 1, "{}", START)));
        outbox.markSent(outbox.claim(OutboxLane.BROADCAST, 1).get(0).id(), Optional.of(1));

        int held = outbox.move("newsletter", 7, OutboxStatus.PENDING, OutboxStatus.HELD);

        assertThat(held).isEqualTo(1);
        assertThat(row("a").status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row("b").status()).isEqualTo(OutboxStatus.HELD);
        assertThat(row("other-ref").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row("other-kind").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(outbox.move("newsletter", 99, OutboxStatus.PENDING, OutboxStatus.HELD)).isZero();
        assertThat(keys(outbox.claim(OutboxLane.BROADCAST, 10))).doesNotContain("b");
    }

    @Test
    @DisplayName("A thing with no messages has no counts and no rows")
    void unknownRef() {
        assertThat(outbox.counts("newsletter", 1)).isEmpty();
        assertThat(outbox.byRef("newsletter", 1)).isEmpty();
    }

    @Test
    @DisplayName("Each lane's depth counts only its pending messages, due or not: not sending, not held; an empty lane is absent")
    void depth() {
        assertThat(outbox.depth()).isEmpty();
        outbox.enqueue(List.of(broadcast("a"), broadcast("b"), message("later", OutboxLane.BROADCAST, 7,
                START.plusSeconds(3600)), message("r", OutboxLane.REMINDER, 1, START)));
        outbox.claim(OutboxLane.BROADCAST, 1);

        assertThat(outbox.depth()).isEqualTo(Map.of(OutboxLane.BROADCAST, 2, OutboxLane.REMINDER, 1));

        outbox.claim(OutboxLane.REMINDER, 1);
        outbox.move("newsletter", 7, OutboxStatus.PENDING, OutboxStatus.HELD);
        assertThat(outbox.depth()).isEmpty();
    }

    @Test
    @DisplayName("The next due time of a lane is its earliest pending message, even one not yet due")
    void nextDue() {
        assertThat(outbox.nextDue(OutboxLane.REMINDER)).isEmpty();
        outbox.enqueue(List.of(message("r1", OutboxLane.REMINDER, 1, START.plusSeconds(600)),
                message("r2", OutboxLane.REMINDER, 2, START.plusSeconds(60)),
                message("b", OutboxLane.BROADCAST, 3, START.minusSeconds(60))));

        assertThat(outbox.nextDue(OutboxLane.REMINDER)).contains(START.plusSeconds(60));
        assertThat(outbox.nextDue(OutboxLane.BROADCAST)).contains(START.minusSeconds(60));

        outbox.claim(OutboxLane.BROADCAST, 10);
        assertThat(outbox.nextDue(OutboxLane.BROADCAST)).isEmpty();
    }
}
