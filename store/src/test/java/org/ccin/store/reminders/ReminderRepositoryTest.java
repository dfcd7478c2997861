package org.ccin.store.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.ReminderRepository.Kind;
import org.ccin.store.reminders.ReminderRepository.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private PlanRows rows;
    private ReminderRepository reminders;
    private long action;
    private long milestone;
    private long ada;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rows = new PlanRows(store);
        reminders = store.reminders().schedule();
        rows.plan("current", true, 1);
        action = rows.action("current", "1.1", Progress.ON_TRACK, 1);
        milestone = rows.milestone(action, 1, Optional.of(DUE), false);
        ada = rows.member(42, "Ada");
        store.reminders().leads().link(action, "Ada Lovelace", ada, LeadLink.Method.PICKED, Optional.of(1L));
    }

    private static OutboxMessage message(String key, long chatId) {
        return new OutboxMessage(key, OutboxLane.REMINDER, "reminder", 1, chatId, "{}", START);
    }

    private ReminderTarget target() {
        return reminders.targets().get(0);
    }

    private static List<Long> milestones(List<ReminderTarget> targets) {
        return targets.stream().map(ReminderTarget::milestoneId).toList();
    }

    /** Queues one reminder for Ada and has the outbox deliver it. */
    private long delivered(String key) {
        reminders.queue(target(), List.of(new Slot(START, Kind.DUE)), message(key, 42));
        OutboxRow claimed = store.outbox().claim(OutboxLane.REMINDER, 1).get(0);
        store.outbox().markSent(claimed.id(), Optional.of(1));
        return reminders.reminderOf(key).orElseThrow();
    }

    @Test
    @DisplayName("An open milestone with a due date and an active, reachable lead is a target, with when the lead was linked")
    void aTarget() {
        assertThat(reminders.targets()).containsExactly(new ReminderTarget(milestone, action, DUE, ada, 42, "en",
                START, Optional.empty(), Optional.empty()));
    }

    @Test
    @DisplayName("Not targets: milestones done or without a date, complete actions, old plans' actions")
    void notTargets() {
        rows.milestone(action, 2, Optional.empty(), false);
        rows.milestone(action, 3, Optional.of(DUE), true);
        long complete = rows.action("current", "1.2", Progress.COMPLETE, 2);
        rows.milestone(complete, 1, Optional.of(DUE), false);
        rows.plan("old", false, 2);
        long old = rows.action("old", "1.1", Progress.ON_TRACK, 1);
        rows.milestone(old, 1, Optional.of(DUE), false);
        store.reminders().leads().link(complete, "Ada Lovelace", ada, LeadLink.Method.PICKED, Optional.empty());
        store.reminders().leads().link(old, "Ada Lovelace", ada, LeadLink.Method.PICKED, Optional.empty());

        assertThat(milestones(reminders.targets())).containsExactly(milestone);
    }

    @Test
    @DisplayName("Not targets: leads who said \"Not me\", people who blocked the bot, actions without a lead")
    void notTargetLeads() {
        long bo = rows.member(43, "Bo");
        long cy = rows.member(44, "Cy");
        store.reminders().leads().link(action, "Bo", bo, LeadLink.Method.PICKED, Optional.empty());
        store.reminders().leads().link(action, "Cy", cy, LeadLink.Method.PICKED, Optional.empty());
        store.reminders().leads().decline(action, bo);
        store.members().markUnreachable(44);
        long unled = rows.action("current", "1.2", Progress.NOT_STARTED, 2);
        rows.milestone(unled, 1, Optional.of(DUE), false);

        assertThat(reminders.targets()).extracting(ReminderTarget::memberId).containsExactly(ada);
    }

    @Test
    @DisplayName("Targets come by due date, then milestone, then lead")
    void targetOrder() {
        long bo = rows.member(43, "Bo");
        store.reminders().leads().link(action, "Bo", bo, LeadLink.Method.PICKED, Optional.empty());
        long earlier = rows.milestone(action, 2, Optional.of(DUE.minusDays(10)), false);

        assertThat(reminders.targets()).extracting(t -> t.milestoneId() + ":" + t.memberId())
                .containsExactly(earlier + ":" + ada, earlier + ":" + bo, milestone + ":" + ada, milestone + ":" + bo);
    }

    @Test
    @DisplayName("A muted action has no targets until it is unmuted; muting twice or unmuting twice says so")
    void mute() {
        assertThat(reminders.isMuted(action)).isFalse();

        assertThat(reminders.mute(action, 1)).isTrue();
        assertThat(reminders.mute(action, 2)).isFalse();
        assertThat(reminders.isMuted(action)).isTrue();
        assertThat(reminders.targets()).isEmpty();

        assertThat(reminders.unmute(action)).isTrue();
        assertThat(reminders.unmute(action)).isFalse();
        assertThat(milestones(reminders.targets())).containsExactly(milestone);
    }

    @Test
    @DisplayName("A snooze shows on the target; snoozing again replaces it")
    void snooze() {
        reminders.snooze(milestone, ada, START.plus(Duration.ofDays(7)));
        clock.advance(Duration.ofDays(1));
        reminders.snooze(milestone, ada, START.plus(Duration.ofDays(9)));

        assertThat(target().snoozedFrom()).contains(START.plus(Duration.ofDays(1)));
        assertThat(target().snoozedUntil()).contains(START.plus(Duration.ofDays(9)));
    }

    @Test
    @DisplayName("Queuing due slots records each, queues one message for the newest, and merges the older ones into it")
    void queue() {
        Instant before = START.minus(Duration.ofDays(7));

        boolean queued = reminders.queue(target(), List.of(new Slot(before, Kind.BEFORE), new Slot(START, Kind.DUE)),
                message("reminder:1:due", 42));

        assertThat(queued).isTrue();
        assertThat(reminders.handledSlots()).isEqualTo(Map.of(milestone + ":" + ada, Set.of(before, START)));
        assertThat(store.outbox().byRef("reminder", 1)).extracting(OutboxRow::dedupeKey)
                .containsExactly("reminder:1:due");
        assertThat(reminders.reminderOf("reminder:1:due")).isPresent();
        List<String> statuses = store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT status FROM reminders WHERE milestone_id = :m ORDER BY slot_at").bind("m", milestone)
                .mapTo(String.class).list());
        assertThat(statuses).containsExactly("MERGED", "QUEUED");
    }

    @Test
    @DisplayName("Queuing the same slots twice sends nothing twice")
    void queueTwice() {
        List<Slot> slots = List.of(new Slot(START, Kind.DUE));
        reminders.queue(target(), slots, message("reminder:1:due", 42));

        boolean again = reminders.queue(target(), slots, message("reminder:1:due-again", 42));

        assertThat(again).isFalse();
        assertThat(store.outbox().byRef("reminder", 1)).hasSize(1);
        assertThat(reminders.reminderOf("reminder:1:due-again")).isEmpty();
    }

    @Test
    @DisplayName("A new slot after handled ones queues a message of its own; no slots queue nothing")
    void queueNewSlot() {
        reminders.queue(target(), List.of(new Slot(START, Kind.DUE)), message("reminder:1:due", 42));
        Instant overdue = START.plus(Duration.ofDays(3));

        assertThat(reminders.queue(target(), List.of(new Slot(START, Kind.DUE), new Slot(overdue, Kind.OVERDUE)),
                message("reminder:1:overdue", 42))).isTrue();
        assertThat(reminders.queue(target(), List.of(), message("reminder:1:none", 42))).isFalse();

        assertThat(store.outbox().byRef("reminder", 1)).extracting(OutboxRow::dedupeKey)
                .containsExactly("reminder:1:due", "reminder:1:overdue");
        assertThat(reminders.handledSlots().get(milestone + ":" + ada)).containsExactlyInAnyOrder(START, overdue);
    }

    @Test
    @DisplayName("Nothing handled yet: no slots, no reminder for an unknown message")
    void nothingHandled() {
        assertThat(reminders.handledSlots()).isEmpty();
        assertThat(reminders.reminderOf("reminder:unknown")).isEmpty();
    }

    @Test
    @DisplayName("Extra reminders are kept per action in time order; only those still to come are upcoming")
    void extras() {
        long other = rows.action("current", "1.2", Progress.ON_TRACK, 2);
        reminders.addExtra(action, START.plus(Duration.ofDays(2)), 1);
        reminders.addExtra(action, START.minus(Duration.ofDays(1)), 1);
        reminders.addExtra(action, START, 1);
        reminders.addExtra(other, START.plus(Duration.ofDays(1)), 1);

        assertThat(reminders.extras()).isEqualTo(Map.of(
                action, List.of(START.minus(Duration.ofDays(1)), START, START.plus(Duration.ofDays(2))),
                other, List.of(START.plus(Duration.ofDays(1)))));
        assertThat(reminders.upcomingExtras(action)).containsExactly(START.plus(Duration.ofDays(2)));
        assertThat(reminders.upcomingExtras(999)).isEmpty();
    }

    @Test
    @DisplayName("A reminder delivered by the given time and left unanswered is unanswered, with the lead's name and when it went")
    void unanswered() {
        long reminder = delivered("reminder:1:due");

        assertThat(reminders.unanswered(START)).containsExactly(
                new UnansweredReminder(reminder, milestone, action, ada, "Ada", START));
        assertThat(reminders.unanswered(START.minusMillis(1))).isEmpty();
    }

    @Test
    @DisplayName("Not unanswered: reminders not yet delivered, answered, with the milestone done, or whose lead left")
    void notUnanswered() {
        reminders.queue(target(), List.of(new Slot(START, Kind.DUE)), message("reminder:1:due", 42));
        assertThat(reminders.unanswered(START.plus(Duration.ofDays(1)))).isEmpty();

        store.outbox().markSent(store.outbox().claim(OutboxLane.REMINDER, 1).get(0).id(), Optional.of(1));
        store.reminders().progress().record(action, Optional.of(milestone), Optional.of(ada), Answer.ON_TRACK,
                Optional.empty());
        assertThat(reminders.unanswered(START.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    @DisplayName("A reminder whose lead said \"Not me\" is not passed to staff")
    void declinedLeadNotUnanswered() {
        delivered("reminder:1:due");

        store.reminders().leads().decline(action, ada);

        assertThat(reminders.unanswered(START)).isEmpty();
    }

    @Test
    @DisplayName("An unanswered reminder is passed to staff once: a second escalation is refused and it is no longer listed")
    void escalateOnce() {
        long reminder = delivered("reminder:1:due");

        assertThat(reminders.markEscalated(reminder)).isTrue();
        assertThat(reminders.markEscalated(reminder)).isFalse();
        assertThat(reminders.unanswered(START)).isEmpty();
        assertThat(reminders.markEscalated(999)).isFalse();
    }
}
