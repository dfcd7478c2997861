package org.ccin.store.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsletterRepositoryTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private NewsletterRepository issues;
    private SubscriptionRepository subscriptions;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        issues = store.newsletters().issues();
        subscriptions = store.newsletters().subscriptions();
        store.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES ('full', 'Full', 'Llawn', 1), ('associate', 'Associate', 'Cyswllt', 2)");
            h.execute("INSERT INTO regions (code, name_en, name_cy, kind, sort_order) VALUES ('london', 'London', 'Llundain', 'region', 1), ('wales', 'Wales', 'Cymru', 'nation', 2)");
        });
    }

    private Member member(long telegramId, String category, String region) {
        store.members().recordContact(telegramId, "M" + telegramId, Optional.empty(), "en");
        return store.members().saveProfile(telegramId, new Profile(Optional.empty(), Optional.of("Somewhere"),
                Optional.of(category), Optional.of(WorkRole.OFFICER), Optional.of(region)));
    }

    private long draft() {
        return issues.createDraft(new Content("December", "<b>Hello</b>", Media.TEXT, Optional.empty(),
                List.of(new LinkButton("Site", "https://example.org"))), "monthly", 900);
    }

    private static OutboxMessage delivery(long id, Recipient recipient) {
        return new OutboxMessage("newsletter:" + id + ":member:" + recipient.memberId(), OutboxLane.BROADCAST,
                NewsletterRepository.KIND, id, recipient.telegramUserId(), "{}", TestStores.START);
    }

    @Test
    void theAudienceIsTheTopicsSubscribersNarrowedByCategoryAndRegion() {
        Member a = member(1, "full", "london");
        Member b = member(2, "associate", "wales");
        Member c = member(3, "full", "wales");
        Member unsubscribed = member(4, "full", "london");
        for (Member m : List.of(a, b, c)) {
            assertThat(subscriptions.subscribe(m.id(), "monthly", "I agree", "en")).isTrue();
        }
        assertThat(subscriptions.subscribe(a.id(), "monthly", "again", "en")).isFalse();
        subscriptions.subscribe(unsubscribed.id(), "events", "I agree", "en");

        assertThat(issues.countRecipients(Audience.of("monthly"))).isEqualTo(3);
        assertThat(issues.countRecipients(Audience.of("monthly").toggleCategory("full"))).isEqualTo(2);
        assertThat(issues.countRecipients(Audience.of("monthly").toggleCategory("full").toggleRegion("wales")))
                .isEqualTo(1);
        assertThat(issues.countRecipients(Audience.of("events"))).isEqualTo(1);

        store.members().markUnreachable(2);
        assertThat(issues.countRecipients(Audience.of("monthly"))).isEqualTo(2);
        assertThat(subscriptions.reachableCounts()).containsEntry("monthly", 2);

        assertThat(subscriptions.unsubscribe(a.id(), "monthly", "button")).isTrue();
        assertThat(subscriptions.unsubscribe(a.id(), "monthly", "button")).isFalse();
        assertThat(issues.countRecipients(Audience.of("monthly"))).isEqualTo(1);
        assertThat(subscriptions.history(a.id())).singleElement().satisfies(s -> {
            assertThat(s.consentWording()).isEqualTo("I agree");
            assertThat(s.endedHow()).contains("button");
        });
    }

    @Test
    void startingQueuesOneRowPerRecipientOnceAndFinishesWhenAllAreSettled() {
        for (long id = 1; id <= 3; id++) {
            subscriptions.subscribe(member(id, "full", "london").id(), "monthly", "I agree", "en");
        }
        long id = draft();
        assertThat(issues.start(id, 900, r -> delivery(id, r), List.of())).contains(3);
        assertThat(issues.start(id, 900, r -> delivery(id, r), List.of())).isEmpty();
        assertThat(issues.find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.SENDING);
        assertThat(issues.updateContent(id, issues.find(id).orElseThrow().content())).isFalse();

        assertThat(issues.pause(id)).isTrue();
        assertThat(store.outbox().counts(NewsletterRepository.KIND, id)).containsEntry(OutboxStatus.HELD, 3);
        assertThat(store.outbox().claim(OutboxLane.BROADCAST, 10)).isEmpty();
        assertThat(issues.resume(id)).isTrue();
        assertThat(issues.resume(id)).isFalse();

        List<OutboxRow> rows = store.outbox().claim(OutboxLane.BROADCAST, 10);
        assertThat(rows).hasSize(3);
        assertThat(issues.finishIfDelivered(id)).isFalse();
        rows.forEach(row -> store.outbox().markSent(row.id(), Optional.of(1)));
        assertThat(issues.finishIfDelivered(id)).isTrue();
        assertThat(issues.finishIfDelivered(id)).isFalse();
        // the delivered count outlives the delivery rows, which retention prunes later
        assertThat(issues.find(id).orElseThrow().delivered()).contains(3);
        assertThat(issues.archive(10)).extracting(Newsletter::id).containsExactly(id);
    }

    @Test
    void aClaimTakenBackByPauseCannotBeCalledAfterResumeOnlyTheNewClaimCan() {
        subscriptions.subscribe(member(1, "full", "london").id(), "monthly", "I agree", "en");
        long id = draft();
        issues.start(id, 900, r -> delivery(id, r), List.of());
        OutboxRow firstClaim = store.outbox().claim(OutboxLane.BROADCAST, 1).get(0);
        // staff pause and resume while the first claim still waits in the sender's queue
        assertThat(issues.pause(id)).isTrue();
        assertThat(issues.resume(id)).isTrue();
        OutboxRow secondClaim = store.outbox().claim(OutboxLane.BROADCAST, 1).get(0);
        assertThat(secondClaim.id()).isEqualTo(firstClaim.id());

        assertThat(store.outbox().markCalled(firstClaim)).as("the stale claim").isFalse();
        assertThat(store.outbox().markCalled(secondClaim)).as("the current claim").isTrue();
    }

    @Test
    void deliveriesAreQueuedInChunksHeldWhilePausedAndTheNewsletterFinishesOnlyOnceAllAreQueued() {
        for (long id = 1; id <= 5; id++) {
            subscriptions.subscribe(member(id, "full", "london").id(), "monthly", "I agree", "en");
        }
        long id = draft();

        assertThat(issues.begin(id, 900, List.of())).contains(5);
        assertThat(issues.begin(id, 900, List.of())).as("started once").isEmpty();
        assertThat(issues.queueing()).containsExactly(id);
        assertThat(issues.queueNext(id, r -> delivery(id, r), 2)).isEqualTo(new NewsletterRepository.Chunk(2, false));
        assertThat(issues.finishIfDelivered(id)).as("deliveries still to queue").isFalse();
        assertThat(issues.pause(id)).isTrue();
        assertThat(issues.queueNext(id, r -> delivery(id, r), 2)).isEqualTo(new NewsletterRepository.Chunk(2, false));
        assertThat(store.outbox().counts(NewsletterRepository.KIND, id)).containsEntry(OutboxStatus.HELD, 4);
        assertThat(issues.resume(id)).isTrue();
        // a member who subscribes meanwhile, after the cursor, is counted in
        subscriptions.subscribe(member(6, "full", "london").id(), "monthly", "I agree", "en");
        assertThat(issues.queueNext(id, r -> delivery(id, r), 2)).isEqualTo(new NewsletterRepository.Chunk(2, false));
        assertThat(issues.queueNext(id, r -> delivery(id, r), 2)).isEqualTo(new NewsletterRepository.Chunk(0, true));

        assertThat(issues.queueing()).isEmpty();
        assertThat(issues.find(id).orElseThrow().recipients()).isEqualTo(6);
        assertThat(store.outbox().counts(NewsletterRepository.KIND, id)).containsEntry(OutboxStatus.PENDING, 6);
        assertThat(issues.queueNext(id, r -> delivery(id, r), 2)).as("nothing more").isEqualTo(
                new NewsletterRepository.Chunk(0, true));
    }

    @Test
    void aCancelledNewsletterQueuesNoMore() {
        for (long id = 1; id <= 3; id++) {
            subscriptions.subscribe(member(id, "full", "london").id(), "monthly", "I agree", "en");
        }
        long id = draft();
        issues.begin(id, 900, List.of());
        issues.queueNext(id, r -> delivery(id, r), 1);

        assertThat(issues.cancel(id)).isTrue();

        assertThat(issues.queueNext(id, r -> delivery(id, r), 1)).isEqualTo(new NewsletterRepository.Chunk(0, true));
        assertThat(store.outbox().counts(NewsletterRepository.KIND, id)).containsOnlyKeys(OutboxStatus.CANCELLED);
        assertThat(issues.queueing()).isEmpty();
    }

    @Test
    void releasingAtStopRequeuesOnlyWhatWasNeverCalled() {
        store.outbox().enqueue(List.of(
                new OutboxMessage("never", OutboxLane.REMINDER, "test", 1, 1, "{}", clock.instant()),
                new OutboxMessage("called", OutboxLane.REMINDER, "test", 1, 2, "{}", clock.instant())));
        List<OutboxRow> claimed = store.outbox().claim(OutboxLane.REMINDER, 2);
        OutboxRow called = claimed.stream().filter(r -> r.dedupeKey().equals("called")).findFirst().orElseThrow();
        assertThat(store.outbox().markCalled(called)).isTrue();

        claimed.forEach(row -> store.outbox().release(row.id()));

        assertThat(store.outbox().find("never").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        // a call was made (it may have arrived): the next start sends it again, marked as possibly repeated
        assertThat(store.outbox().find("called").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(store.outbox().resolveInterrupted()).isEqualTo(new OutboxRepository.Interrupted(0, 1));
        assertThat(store.outbox().find("called").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(store.outbox().resentAfterCrash("test", 1)).isEqualTo(1);
    }

    @Test
    void cancellingStopsWhatWasNotDelivered() {
        for (long id = 1; id <= 3; id++) {
            subscriptions.subscribe(member(id, "full", "london").id(), "monthly", "I agree", "en");
        }
        long id = draft();
        issues.start(id, 900, r -> delivery(id, r), List.of());
        OutboxRow first = store.outbox().claim(OutboxLane.BROADCAST, 1).get(0);
        store.outbox().markSent(first.id(), Optional.of(1));
        assertThat(issues.cancel(id)).isTrue();
        assertThat(store.outbox().counts(NewsletterRepository.KIND, id))
                .containsEntry(OutboxStatus.SENT, 1).containsEntry(OutboxStatus.CANCELLED, 2);
        assertThat(issues.pause(id)).isFalse();
        assertThat(issues.archive(10)).isEmpty();
    }

    @Test
    void aScheduledNewsletterIsDueAtItsTimeAndCanBeTakenBack() {
        long id = draft();
        assertThat(issues.schedule(id, TestStores.START.plus(Duration.ofHours(2)), 900)).isTrue();
        assertThat(issues.dueScheduled()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(issues.dueScheduled()).containsExactly(id);
        assertThat(issues.unschedule(id)).isTrue();
        assertThat(issues.dueScheduled()).isEmpty();
        assertThat(issues.find(id).orElseThrow().status()).isEqualTo(NewsletterStatus.DRAFT);
        assertThat(issues.updateAudience(id, Audience.of("events").toggleGroup(5))).isTrue();
        assertThat(issues.find(id).orElseThrow().audience().groupIds()).isEqualTo(Set.of(5L));
        assertThat(issues.deleteDraft(id)).isTrue();
    }

    @Test
    void eachPersonsTapIsCountedOnce() {
        long id = draft();
        Member a = member(1, "full", "london");
        assertThat(issues.recordTap(id, a.id(), "useful")).isTrue();
        assertThat(issues.recordTap(id, a.id(), "useful")).isFalse();
        assertThat(issues.taps(id)).containsEntry("useful", 1);
    }
}
