package org.ccin.store.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.ReminderRepository.Kind;
import org.ccin.store.reminders.ReminderRepository.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private PlanRows rows;
    private ProgressRepository progress;
    private long action;
    private long first;
    private long second;
    private long ada;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rows = new PlanRows(store);
        progress = store.reminders().progress();
        rows.plan("current", true, 1);
        action = rows.action("current", "1.1", Progress.NOT_STARTED, 1);
        first = rows.milestone(action, 1, Optional.of(DUE), false);
        second = rows.milestone(action, 2, Optional.of(DUE.plusMonths(3)), false);
        ada = rows.member(42, "Ada");
    }

    @Test
    @DisplayName("An answer is kept as history: who, about which milestone, the light before and after, the note, when")
    void recordKeepsHistory() {
        ProgressUpdate update = progress.record(action, Optional.of(first), Optional.of(ada), Answer.AT_RISK,
                Optional.of("funding late"));

        assertThat(update).isEqualTo(new ProgressUpdate(update.id(), action, "1.1", Optional.of(first),
                Optional.of(ada), Optional.of("Ada"), Answer.AT_RISK, Progress.NOT_STARTED, Progress.AT_RISK,
                Optional.of("funding late"), START));
        assertThat(progress.history(action, 10)).containsExactly(update);
        assertThat(rows.progress(action)).isEqualTo(Progress.AT_RISK);
    }

    @Test
    @DisplayName("On track, At risk and Blocked set the action's light")
    void trafficLights() {
        assertThat(progress.record(action, Optional.empty(), Optional.of(ada), Answer.ON_TRACK, Optional.empty())
                .after()).isEqualTo(Progress.ON_TRACK);
        assertThat(progress.record(action, Optional.empty(), Optional.of(ada), Answer.BLOCKED, Optional.empty())
                .before()).isEqualTo(Progress.ON_TRACK);
        assertThat(rows.progress(action)).isEqualTo(Progress.BLOCKED);
    }

    @Test
    @DisplayName("Complete marks the milestone done; the action stays on track while a milestone is left, and is complete after the last")
    void complete() {
        ProgressUpdate one = progress.record(action, Optional.of(first), Optional.of(ada), Answer.COMPLETE,
                Optional.empty());

        assertThat(rows.done(first)).isTrue();
        assertThat(rows.done(second)).isFalse();
        assertThat(one.after()).isEqualTo(Progress.ON_TRACK);

        ProgressUpdate two = progress.record(action, Optional.of(second), Optional.of(ada), Answer.COMPLETE,
                Optional.empty());

        assertThat(two.before()).isEqualTo(Progress.ON_TRACK);
        assertThat(two.after()).isEqualTo(Progress.COMPLETE);
        assertThat(rows.progress(action)).isEqualTo(Progress.COMPLETE);
    }

    @Test
    @DisplayName("An answer about another action's milestone is refused and records nothing")
    void completeOfOtherActionsMilestone() {
        long other = rows.action("current", "1.2", Progress.ON_TRACK, 2);
        long othersMilestone = rows.milestone(other, 1, Optional.of(DUE), false);

        assertThatThrownBy(() -> progress.record(action, Optional.of(othersMilestone), Optional.of(ada),
                Answer.COMPLETE, Optional.empty())).isInstanceOf(IllegalArgumentException.class);

        assertThat(progress.history(action, 10)).isEmpty();
        assertThat(rows.done(othersMilestone)).isFalse();
        assertThat(rows.done(first)).isFalse();
    }

    @Test
    @DisplayName("Snoozed, Not me and a note change no light, and are kept as history")
    void noLightChange() {
        progress.record(action, Optional.empty(), Optional.of(ada), Answer.AT_RISK, Optional.empty());

        for (Answer answer : List.of(Answer.SNOOZED, Answer.NOT_ME, Answer.NOTE)) {
            ProgressUpdate update = progress.record(action, Optional.of(first), Optional.of(ada), answer,
                    Optional.of("x"));
            assertThat(update.before()).isEqualTo(Progress.AT_RISK);
            assertThat(update.after()).isEqualTo(Progress.AT_RISK);
        }
        assertThat(rows.progress(action)).isEqualTo(Progress.AT_RISK);
        assertThat(rows.done(first)).isFalse();
        assertThat(progress.history(action, 10)).hasSize(4);
    }

    @Test
    @DisplayName("Staff may record an answer without a member: it has nobody's name")
    void staffRecorded() {
        ProgressUpdate update = progress.record(action, Optional.empty(), Optional.empty(), Answer.ON_TRACK,
                Optional.of("from the board meeting"));

        assertThat(update.memberId()).isEmpty();
        assertThat(update.who()).isEmpty();
        assertThat(update.milestoneId()).isEmpty();
    }

    @Test
    @DisplayName("Any answer about a milestone answers the lead's open reminders of that milestone only")
    void answersReminders() {
        long bo = rows.member(43, "Bo");
        store.reminders().leads().link(action, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        store.reminders().leads().link(action, "Bo", bo, LeadLink.Method.PICKED, Optional.empty());
        ReminderRepository schedule = store.reminders().schedule();
        for (ReminderTarget target : schedule.targets()) {
            String key = "reminder:" + target.milestoneId() + ":" + target.memberId();
            schedule.queue(target, List.of(new Slot(START, Kind.DUE)),
                    new OutboxMessage(key, OutboxLane.REMINDER, "reminder", target.milestoneId(),
                            target.telegramUserId(), "{}", START));
        }

        progress.record(action, Optional.of(first), Optional.of(ada), Answer.SNOOZED, Optional.empty());

        assertThat(answered()).containsExactly("reminder:" + first + ":" + ada);
    }

    @Test
    @DisplayName("An answer about the action as a whole answers the lead's open reminders of all its milestones")
    void actionAnswerAnswersAll() {
        store.reminders().leads().link(action, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        ReminderRepository schedule = store.reminders().schedule();
        for (ReminderTarget target : schedule.targets()) {
            String key = "reminder:" + target.milestoneId() + ":" + target.memberId();
            schedule.queue(target, List.of(new Slot(START, Kind.DUE)),
                    new OutboxMessage(key, OutboxLane.REMINDER, "reminder", target.milestoneId(),
                            target.telegramUserId(), "{}", START));
        }

        progress.record(action, Optional.empty(), Optional.of(ada), Answer.ON_TRACK, Optional.empty());

        assertThat(answered()).containsExactlyInAnyOrder("reminder:" + first + ":" + ada,
                "reminder:" + second + ":" + ada);
    }

    private List<String> answered() {
        return store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT dedupe_key FROM reminders WHERE answered_at IS NOT NULL ORDER BY id").mapTo(String.class).list());
    }

    @Test
    @DisplayName("History is newest first and stops at the limit; an action without answers has none")
    void historyOrderAndLimit() {
        ProgressUpdate a = progress.record(action, Optional.empty(), Optional.of(ada), Answer.ON_TRACK, Optional.empty());
        ProgressUpdate b = progress.record(action, Optional.empty(), Optional.of(ada), Answer.NOTE, Optional.of("same time"));
        clock.advance(Duration.ofDays(1));
        ProgressUpdate c = progress.record(action, Optional.empty(), Optional.of(ada), Answer.AT_RISK, Optional.empty());

        assertThat(progress.history(action, 10)).containsExactly(c, b, a);
        assertThat(progress.history(action, 2)).containsExactly(c, b);
        assertThat(progress.history(rows.action("current", "1.2", Progress.ON_TRACK, 2), 10)).isEmpty();
    }

    @Test
    @DisplayName("Answers since a time are every action's answers from that moment on, oldest first")
    void since() {
        long other = rows.action("current", "1.2", Progress.ON_TRACK, 2);
        progress.record(action, Optional.empty(), Optional.of(ada), Answer.ON_TRACK, Optional.empty());
        clock.advance(Duration.ofDays(1));
        Instant from = clock.instant();
        ProgressUpdate b = progress.record(other, Optional.empty(), Optional.of(ada), Answer.BLOCKED, Optional.empty());
        clock.advance(Duration.ofDays(1));
        ProgressUpdate c = progress.record(action, Optional.empty(), Optional.empty(), Answer.NOTE, Optional.of("n"));

        assertThat(progress.since(from)).containsExactly(b, c);
        assertThat(progress.since(clock.instant().plusMillis(1))).isEmpty();
    }
}
