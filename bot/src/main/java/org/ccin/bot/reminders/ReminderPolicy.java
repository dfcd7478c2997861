package org.ccin.bot.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.ccin.config.BotConfig;
import org.ccin.store.reminders.ReminderRepository.Kind;
import org.ccin.store.reminders.ReminderRepository.Slot;

/**
 * When a lead is reminded of a milestone: some days before it is due, on the day, and regularly while it is
 * overdue; each at the start of the working day in the bot's zone, a slot outside working hours or days moving to
 * the next working time. Dates are added as calendar days in the zone, so that 09:00 stays 09:00 across the
 * clock changes. Immutable.
 */
final class ReminderPolicy {
    private static final Duration DAY = Duration.ofDays(1);

    private final BotConfig.ReminderSettings settings;
    private final ZoneId zone;

    ReminderPolicy(BotConfig.ReminderSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * The slots of one milestone for one lead from {@code from} (when they were linked) up to {@code upTo}, oldest
     * first: the policy's slots, without those inside a snooze, plus the snooze's end and any extra reminders.
     */
    List<Slot> slots(LocalDate due, Instant from, Instant upTo, Optional<Instant> snoozedFrom,
                     Optional<Instant> snoozedUntil, List<Instant> extras) {
        TreeMap<Instant, Kind> slots = new TreeMap<>();
        for (int days : settings.daysBefore()) {
            slots.putIfAbsent(startOfWork(due.minusDays(days)), Kind.BEFORE);
        }
        if (settings.onTheDay()) {
            slots.put(startOfWork(due), Kind.DUE);
        }
        for (int k = 1; ; k++) {
            Instant overdue = overdueSlot(due, k);
            if (overdue.isAfter(upTo)) {
                break;
            }
            slots.putIfAbsent(overdue, Kind.OVERDUE);
        }
        if (snoozedFrom.isPresent() && snoozedUntil.isPresent()) {
            slots.keySet().removeIf(at -> !at.isBefore(snoozedFrom.get()) && at.isBefore(snoozedUntil.get()));
            slots.put(nextWorkingTime(snoozedUntil.get()), Kind.SNOOZED);
        }
        for (Instant extra : extras) {
            slots.putIfAbsent(nextWorkingTime(extra), Kind.EXTRA);
        }
        List<Slot> inRange = new ArrayList<>();
        slots.forEach((at, kind) -> {
            if (!at.isBefore(from) && !at.isAfter(upTo)) {
                inRange.add(new Slot(at, kind));
            }
        });
        return inRange;
    }

    private Instant overdueSlot(LocalDate due, int k) {
        Duration every = settings.overdueEvery();
        if (every.toMillis() % DAY.toMillis() == 0) {
            return startOfWork(due.plusDays(every.toDays() * k));
        }
        return nextWorkingTime(startOfWork(due).plus(every.multipliedBy(k)));
    }

    /** The start of the working day on this date, or of the next working day. */
    Instant startOfWork(LocalDate date) {
        return nextWorkingTime(date.atTime(settings.workdayStart()).atZone(zone).toInstant());
    }

    /** The instant itself when it falls inside working hours on a working day; else the next start of work. */
    Instant nextWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (settings.workingDays().contains(local.getDayOfWeek())
                && !local.toLocalTime().isBefore(settings.workdayStart())
                && local.toLocalTime().isBefore(settings.workdayEnd())) {
            return instant;
        }
        LocalDate date = local.toLocalDate();
        if (!local.toLocalTime().isBefore(settings.workdayStart())) {
            date = date.plusDays(1);
        }
        for (int i = 0; i < 8; i++) {
            if (settings.workingDays().contains(date.getDayOfWeek())) {
                return date.atTime(settings.workdayStart()).atZone(zone).toInstant();
            }
            date = date.plusDays(1);
        }
        throw new IllegalStateException("no working days configured");
    }
}
