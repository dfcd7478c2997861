package org.ccin.store.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A milestone not done, with a due date, of an action not complete and not muted, and one active lead who can be
 * written to: whom the reminder sweep considers.
 *
 * @param linkedAt slots before the lead was linked were nobody's to miss
 * @param snoozedFrom when the lead snoozed this milestone, if they did
 * @param snoozedUntil … and until when
 */
public record ReminderTarget(long milestoneId, long actionId, LocalDate dueDate, long memberId,
                             long telegramUserId, String language, Instant linkedAt, Optional<Instant> snoozedFrom,
                             Optional<Instant> snoozedUntil) {
}
