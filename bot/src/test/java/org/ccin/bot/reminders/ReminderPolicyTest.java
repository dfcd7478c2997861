package org.ccin.bot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.ccin.config.BotConfig;
import org.ccin.store.reminders.ReminderRepository.Kind;
import org.ccin.store.reminders.ReminderRepository.Slot;
import org.junit.jupiter.api.Test;

/** The slots of a milestone: days before, on the day, overdue; working hours and days; the clock changes. */
class ReminderPolicyTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BotConfig.ReminderSettings DEFAULTS = new BotConfig.ReminderSettings(List.of(14, 3), true,
            Duration.ofDays(7), LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Duration.ofDays(5), DayOfWeek.MONDAY,
            LocalTime.of(9, 0), Duration.ofDays(7));
    private final ReminderPolicy policy = new ReminderPolicy(DEFAULTS, LONDON);

    @Test
    void slotsAcrossTheEndOfSummerTimeAndAWeekend() {
        // due Wednesday 4 November 2026; the clocks go back on Sunday 25 October
        LocalDate due = LocalDate.of(2026, 11, 4);
        List<Slot> slots = policy.slots(due, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"), Optional.empty(), Optional.empty(), List.of());

        assertThat(slots).containsExactly(
                // 14 days before: Wednesday 21 October, 09:00 summer time = 08:00 UTC
                new Slot(Instant.parse("2026-10-21T08:00:00Z"), Kind.BEFORE),
                // 3 days before is Sunday 1 November: moved to Monday 2 November, 09:00 GMT
                new Slot(Instant.parse("2026-11-02T09:00:00Z"), Kind.BEFORE),
                new Slot(Instant.parse("2026-11-04T09:00:00Z"), Kind.DUE),
                new Slot(Instant.parse("2026-11-11T09:00:00Z"), Kind.OVERDUE),
                new Slot(Instant.parse("2026-11-18T09:00:00Z"), Kind.OVERDUE));
    }

    @Test
    void slotsAcrossTheStartOfSummerTime() {
        // due Thursday 2 April 2026; the clocks go forward on Sunday 29 March
        List<Slot> slots = policy.slots(LocalDate.of(2026, 4, 2), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-04-02T12:00:00Z"), Optional.empty(), Optional.empty(), List.of());

        assertThat(slots).extracting(Slot::at).containsExactly(
                Instant.parse("2026-03-19T09:00:00Z"),   // 14 days before, GMT
                Instant.parse("2026-03-30T08:00:00Z"),   // 3 days before, Monday 30 March, 09:00 BST
                Instant.parse("2026-04-02T08:00:00Z"));  // on the day, 09:00 BST
    }

    @Test
    void aMilestoneDueOnASaturdayIsRemindedOnMonday() {
        List<Slot> slots = policy.slots(LocalDate.of(2026, 11, 7), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"), Optional.empty(), Optional.empty(), List.of());

        assertThat(slots).containsExactly(
                new Slot(Instant.parse("2026-11-04T09:00:00Z"), Kind.BEFORE),
                new Slot(Instant.parse("2026-11-09T09:00:00Z"), Kind.DUE));
    }

    @Test
    void onlySlotsAfterTheLeadWasLinkedAndUpToNow() {
        LocalDate due = LocalDate.of(2026, 11, 4);
        List<Slot> slots = policy.slots(due, Instant.parse("2026-10-28T12:00:00Z"),
                Instant.parse("2026-11-03T12:00:00Z"), Optional.empty(), Optional.empty(), List.of());

        assertThat(slots).containsExactly(new Slot(Instant.parse("2026-11-02T09:00:00Z"), Kind.BEFORE));
    }

    @Test
    void aSnoozeDropsTheSlotsInsideItAndRemindsAtItsEnd() {
        LocalDate due = LocalDate.of(2026, 11, 4);
        Instant snoozedAt = Instant.parse("2026-11-02T10:00:00Z");
        Instant until = Instant.parse("2026-11-09T10:00:00Z");
        List<Slot> slots = policy.slots(due, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"), Optional.of(snoozedAt), Optional.of(until), List.of());

        assertThat(slots).containsExactly(
                new Slot(Instant.parse("2026-10-21T08:00:00Z"), Kind.BEFORE),
                new Slot(Instant.parse("2026-11-02T09:00:00Z"), Kind.BEFORE),
                new Slot(until, Kind.SNOOZED),
                new Slot(Instant.parse("2026-11-11T09:00:00Z"), Kind.OVERDUE),
                new Slot(Instant.parse("2026-11-18T09:00:00Z"), Kind.OVERDUE));
    }

    @Test
    void anExtraReminderOutsideWorkingHoursMovesToTheNextWorkingTime() {
        Instant fridayEvening = Instant.parse("2026-11-06T18:30:00Z");
        List<Slot> slots = policy.slots(LocalDate.of(2026, 12, 31), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-10T00:00:00Z"), Optional.empty(), Optional.empty(), List.of(fridayEvening));

        assertThat(slots).containsExactly(new Slot(Instant.parse("2026-11-09T09:00:00Z"), Kind.EXTRA));
    }

    @Test
    void workingTime() {
        assertThat(policy.nextWorkingTime(Instant.parse("2026-11-04T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-04T12:00:00Z"));
        assertThat(policy.nextWorkingTime(Instant.parse("2026-11-04T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-04T09:00:00Z"));
        assertThat(policy.nextWorkingTime(Instant.parse("2026-11-06T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-09T09:00:00Z"));
        assertThat(policy.nextWorkingTime(Instant.parse("2026-11-07T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-09T09:00:00Z"));
    }

    @Test
    void theOverdueSeriesStopsAtNow() {
        List<Slot> slots = policy.slots(LocalDate.of(2026, 1, 7), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Optional.empty(), Optional.empty(), List.of());

        assertThat(slots).filteredOn(s -> s.kind() == Kind.OVERDUE).hasSize(7);
        assertThat(slots.get(slots.size() - 1).at()).isEqualTo(Instant.parse("2026-02-25T09:00:00Z"));
    }
}
