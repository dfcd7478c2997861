package org.ccin.store.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.members.Profile;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.reference.Region;
import org.ccin.store.members.WorkRole;
import org.ccin.store.TestStores;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.privacy.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsStoreTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private Events events;
    private long ada;
    private long bryn;
    private long cai;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        events = new Events(store.database(), clock);
        ada = member(42, "Ada");
        bryn = member(43, "Bryn");
        cai = member(44, "Cai");
    }

    private long member(long telegramId, String name) {
        return store.members().recordContact(telegramId, name, Optional.empty(), "en").id();
    }

    private long event(Duration fromNow, Optional<Integer> capacity) {
        Instant start = clock.instant().plus(fromNow);
        return events.events().add(new NewEvent("Showcase", "Labs show their work", start, start.plusSeconds(7200),
                Optional.of("Oldham"), Optional.empty(), capacity, new Audience("events", java.util.Set.of(7L),
                        java.util.Set.of("full"), java.util.Set.of("wales"))), 900);
    }

    /** Announces the event to Ada, Bryn and Cai, who are thereby among those it is for. */
    private void invite(long id) {
        events.events().announce(id, List.of(new Recipient(ada, 42, "en"), new Recipient(bryn, 43, "cy"),
                new Recipient(cai, 44, "en")), r -> new OutboxMessage("event:" + id + ":invite:" + r.memberId(),
                OutboxLane.BROADCAST, "event", id, r.telegramUserId(), "{}", clock.instant()));
    }

    @Test
    @DisplayName("An event round-trips with its audience; coming lists what is not over nor cancelled, soonest first")
    void roundTripAndComing() {
        long later = event(Duration.ofDays(9), Optional.empty());
        long sooner = event(Duration.ofDays(2), Optional.of(30));
        long cancelled = event(Duration.ofDays(3), Optional.empty());
        long past = event(Duration.ofDays(-2), Optional.empty());

        assertThat(events.events().cancel(cancelled)).isTrue();
        assertThat(events.events().cancel(cancelled)).isFalse();
        assertThat(events.events().cancel(past)).isFalse();
        Event read = events.events().find(sooner).orElseThrow();
        assertThat(read.capacity()).contains(30);
        assertThat(read.audience()).isEqualTo(new Audience("events", java.util.Set.of(7L), java.util.Set.of("full"),
                java.util.Set.of("wales")));
        assertThat(read.announcedAt()).isEmpty();
        assertThat(events.events().coming()).extracting(Event::id).containsExactly(sooner, later);
    }

    @Test
    @DisplayName("Announcing invites and queues once; a second announcement does nothing")
    void announceOnce() {
        long id = event(Duration.ofDays(2), Optional.empty());
        List<Recipient> to = List.of(new Recipient(ada, 42, "en"), new Recipient(bryn, 43, "cy"));

        Optional<Integer> first = events.events().announce(id, to, r -> new OutboxMessage("event:" + id + ":invite:"
                + r.memberId(), OutboxLane.BROADCAST, "event", id, r.telegramUserId(), "{}", clock.instant()));
        Optional<Integer> again = events.events().announce(id, to, r -> new OutboxMessage("x" + r.memberId(),
                OutboxLane.BROADCAST, "event", id, r.telegramUserId(), "{}", clock.instant()));

        assertThat(first).contains(2);
        assertThat(again).isEmpty();
        assertThat(store.outbox().byRef("event", id)).hasSize(2);
        assertThat(events.figures().perEvent()).singleElement()
                .satisfies(e -> assertThat(e.counts()).isEqualTo(new EventFigures.Counts(2, 0, 0, 0, 0)));
    }

    @Test
    @DisplayName("Answers change in place; Going is refused when the places are taken, Maybe is not; over is closed")
    void answersAndCapacity() {
        long id = event(Duration.ofDays(2), Optional.of(1));
        invite(id);
        ReplyRepository replies = events.replies();

        assertThat(replies.answer(id, ada, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(replies.answer(id, ada, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(replies.answer(id, bryn, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.FULL);
        assertThat(replies.answer(id, bryn, Answer.MAYBE)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(replies.answer(id, ada, Answer.NOT_GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(replies.answer(id, bryn, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(replies.answer(999, bryn, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.CLOSED);

        assertThat(replies.answerOf(id, ada)).contains(Answer.NOT_GOING);
        assertThat(replies.answersOf(bryn)).containsEntry(id, Answer.GOING);
        assertThat(replies.going(id)).extracting(Recipient::memberId).containsExactly(bryn);

        clock.advance(Duration.ofDays(3));
        assertThat(replies.answer(id, cai, Answer.MAYBE)).isEqualTo(ReplyRepository.Outcome.CLOSED);
        assertThat(replies.answerOf(id, cai)).isEmpty();
    }

    @Test
    @DisplayName("Attendance is recorded only for those who answered, and counted per event and per council")
    void attendance() {
        long id = event(Duration.ofDays(1), Optional.empty());
        invite(id);
        events.replies().answer(id, ada, Answer.GOING);
        events.replies().answer(id, bryn, Answer.NOT_GOING);

        assertThat(events.replies().setAttended(id, ada, true, 900)).isTrue();
        assertThat(events.replies().setAttended(id, cai, true, 900)).isFalse();
        assertThat(events.replies().repliers(id)).extracting(r -> r.firstName() + " " + r.answer() + " " + r.attended())
                .containsExactly("Ada GOING true", "Bryn NOT_GOING false");
        assertThat(events.figures().perEvent()).singleElement()
                .satisfies(e -> assertThat(e.counts()).isEqualTo(new EventFigures.Counts(3, 1, 0, 1, 1)));
        assertThat(events.figures().perCouncil("none")).singleElement()
                .satisfies(c -> assertThat(c.council()).isEqualTo("none"));

        assertThat(events.replies().setAttended(id, ada, false, 900)).isTrue();
        assertThat(events.figures().perEvent().get(0).counts().attended()).isZero();
    }

    @Test
    @DisplayName("An event narrowed by category and region is for those in them, or invited: others cannot answer,"
            + " see it coming or find it in their feed; one who left the audience may still say they cannot come")
    void audience() {
        long inWales = registered(50, "Elin", "wales");
        long inNorth = registered(51, "Ffion", "north_west");
        Instant start = clock.instant().plus(Duration.ofDays(2));
        long narrowed = events.events().add(new NewEvent("Wales meet-up", "", start, start.plusSeconds(3600),
                Optional.empty(), Optional.empty(), Optional.empty(), new Audience("events", java.util.Set.of(),
                        java.util.Set.of("full"), java.util.Set.of("wales"))), 900);
        long open = events.events().add(new NewEvent("Everyone's webinar", "", start, start.plusSeconds(3600),
                Optional.empty(), Optional.empty(), Optional.empty(), Audience.of("events")), 900);
        Event event = events.events().find(narrowed).orElseThrow();
        events.events().announce(narrowed, List.of(new Recipient(ada, 42, "en")), r -> new OutboxMessage(
                "event:" + narrowed + ":invite:" + r.memberId(), OutboxLane.BROADCAST, "event", narrowed,
                r.telegramUserId(), "{}", clock.instant()));
        events.events().announce(open, List.of(), r -> null);

        assertThat(events.events().isFor(event, inWales)).isTrue();
        assertThat(events.events().isFor(event, ada)).as("invited, though not registered").isTrue();
        assertThat(events.events().isFor(event, inNorth)).isFalse();
        assertThat(events.events().isFor(event, bryn)).isFalse();
        assertThat(events.replies().answer(narrowed, inNorth, Answer.GOING))
                .isEqualTo(ReplyRepository.Outcome.NOT_FOR_MEMBER);
        assertThat(events.replies().answer(narrowed, inNorth, Answer.NOT_GOING))
                .isEqualTo(ReplyRepository.Outcome.NOT_FOR_MEMBER);
        assertThat(events.replies().answerOf(narrowed, inNorth)).isEmpty();
        assertThat(events.replies().answer(narrowed, inWales, Answer.GOING)).isEqualTo(ReplyRepository.Outcome.SAVED);
        assertThat(events.events().comingFor(inNorth)).extracting(Event::id).containsExactly(open);
        assertThat(events.events().comingFor(inWales)).extracting(Event::id).containsExactly(narrowed, open);
        assertThat(events.events().comingForEveryone()).extracting(Event::id).containsExactly(open);
        assertThat(events.events().feedFor(inNorth, clock.instant(), 100)).extracting(Event::id)
                .containsExactly(open);

        // Elin moves to the North West: she may no longer say Going, but may still say she cannot come
        store.members().saveProfile(50, new Profile(Optional.empty(), Optional.of("Oldham Council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("north_west")));
        assertThat(events.replies().answer(narrowed, inWales, Answer.MAYBE))
                .isEqualTo(ReplyRepository.Outcome.NOT_FOR_MEMBER);
        assertThat(events.replies().answer(narrowed, inWales, Answer.NOT_GOING))
                .isEqualTo(ReplyRepository.Outcome.SAVED);
    }

    @Test
    @DisplayName("A feed holds what has not ended and the recent past it is asked for, not older events nor drafts")
    void feedWindow() {
        long elin = registered(50, "Elin", "wales");
        Instant now = clock.instant();
        long old = events.events().add(new NewEvent("Old", "", now.minus(Duration.ofDays(100)),
                now.minus(Duration.ofDays(100)).plusSeconds(3600), Optional.empty(), Optional.empty(),
                Optional.empty(), Audience.of("events")), 900);
        long recent = events.events().add(new NewEvent("Recent", "", now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(10)).plusSeconds(3600), Optional.empty(), Optional.empty(),
                Optional.empty(), Audience.of("events")), 900);
        long coming = events.events().add(new NewEvent("Coming", "", now.plus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(10)).plusSeconds(3600), Optional.empty(), Optional.empty(),
                Optional.empty(), Audience.of("events")), 900);
        events.events().add(new NewEvent("Draft", "", now.plus(Duration.ofDays(5)),
                now.plus(Duration.ofDays(5)).plusSeconds(3600), Optional.empty(), Optional.empty(),
                Optional.empty(), Audience.of("events")), 900);
        for (long id : List.of(old, recent, coming)) {
            events.events().announce(id, List.of(), r -> null);
        }

        assertThat(events.events().feedFor(elin, now.minus(Duration.ofDays(90)), 100)).extracting(Event::title)
                .containsExactly("Recent", "Coming");
        assertThat(events.events().feedFor(elin, now.minus(Duration.ofDays(90)), 1)).extracting(Event::title)
                .as("the newest first when there are too many").containsExactly("Coming");
    }

    private long registered(long telegramId, String name, String region) {
        store.database().jdbi().useTransaction(h -> {
            ReferenceDataRepository.upsert(h, new MembershipCategory("full", "Full Member", "Aelod Llawn", "Councils",
                    "Cynghorau", 1));
            ReferenceDataRepository.upsert(h, new Region("wales", "Wales", "Cymru", Region.Kind.NATION, 1));
            ReferenceDataRepository.upsert(h, new Region("north_west", "North West", "Gogledd Orllewin",
                    Region.Kind.REGION, 2));
        });
        store.members().recordContact(telegramId, name, Optional.empty(), "en");
        return store.members().saveProfile(telegramId, new Profile(Optional.empty(), Optional.of("Oldham Council"),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of(region))).id();
    }

    @Test
    @DisplayName("Moving an event counts up its version, withdraws its queued reminders and link (not its invitations"
            + " nor what was sent), queues the notices, and refuses a change from an older version or when over")
    void reschedule() {
        long id = event(Duration.ofDays(2), Optional.empty());
        invite(id);
        Instant later = clock.instant().plus(Duration.ofDays(5));
        store.outbox().enqueue(List.of(
                new OutboxMessage("event:" + id + ":day:" + ada, OutboxLane.REMINDER, "event", id, 42, "{}",
                        clock.instant()),
                new OutboxMessage("event:" + id + ":link:" + bryn, OutboxLane.REMINDER, "event", id, 43, "{}",
                        clock.instant())));
        EventRepository.Schedule moved = new EventRepository.Schedule(later, later.plusSeconds(3600),
                Optional.of("Cardiff"), Optional.of("https://meet.example.org/x"));
        OutboxMessage notice = new OutboxMessage("event:" + id + ":changed.v1:" + ada, OutboxLane.REMINDER, "event",
                id, 42, "{}", clock.instant());

        assertThat(events.events().reschedule(id, 0, moved, List.of(notice))).isTrue();
        assertThat(events.events().reschedule(id, 0, moved, List.of())).as("from the old version").isFalse();

        Event read = events.events().find(id).orElseThrow();
        assertThat(read.startsAt()).isEqualTo(later);
        assertThat(read.place()).contains("Cardiff");
        assertThat(read.onlineLink()).contains("https://meet.example.org/x");
        assertThat(read.scheduleVersion()).isEqualTo(1);
        assertThat(store.outbox().byRef("event", id)).extracting(r -> r.dedupeKey()
                .substring(("event:" + id + ":").length()).replaceAll(":\\d+$", "") + " " + r.status())
                .containsExactlyInAnyOrder("invite PENDING", "invite PENDING", "invite PENDING", "day CANCELLED",
                        "link CANCELLED", "changed.v1 PENDING");

        clock.advance(Duration.ofDays(6));
        assertThat(events.events().reschedule(id, 1, moved, List.of())).as("over").isFalse();
    }

    @Test
    @DisplayName("A member's feed secret is made once and opens only their feed")
    void feeds() {
        String token = events.feeds().tokenOf(ada);

        assertThat(events.feeds().tokenOf(ada)).isEqualTo(token);
        assertThat(events.feeds().tokenOf(bryn)).isNotEqualTo(token);
        assertThat(events.feeds().memberOf(token)).contains(ada);
        assertThat(events.feeds().memberOf("guess")).isEmpty();
    }

    @Test
    @DisplayName("/mydata holds a member's answers, attendance (not who recorded it) and feed; /forgetme erases them")
    void forgetting() {
        long id = event(Duration.ofDays(1), Optional.empty());
        invite(id);
        events.replies().answer(id, ada, Answer.GOING);
        events.replies().setAttended(id, ada, true, 900);
        String token = events.feeds().tokenOf(ada);
        Map<String, Object> file = store.personalData().export(42,
                new PersonalData.OthersNamed("a member", "the moderators", "the staff", "the bot"));
        assertThat((List<?>) file.get("eventAnswers")).singleElement().asString().contains("GOING");
        assertThat((List<?>) file.get("eventAttendance")).singleElement().asString().contains("the staff")
                .doesNotContain("900");
        assertThat((List<?>) file.get("calendarFeed")).singleElement().asString().contains(token);

        store.personalData().erase(42);

        assertThat(events.replies().repliers(id)).isEmpty();
        assertThat(events.feeds().memberOf(token)).isEmpty();
        assertThat(events.events().find(id)).isPresent();
    }
}
