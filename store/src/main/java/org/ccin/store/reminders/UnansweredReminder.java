package org.ccin.store.reminders;

import java.time.Instant;

/** A reminder delivered and left unanswered: staff hear of it. */
public record UnansweredReminder(long reminderId, long milestoneId, long actionId, long memberId, String firstName,
                                 Instant sentAt) {
}
