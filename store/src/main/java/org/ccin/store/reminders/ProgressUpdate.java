package org.ccin.store.reminders;

import java.time.Instant;
import java.util.Optional;
import org.ccin.store.plan.Progress;

/**
 * One entry of an action's progress history: who answered what, when, and their note.
 *
 * @param who the member's first name, or empty when staff recorded it without a member
 */
public record ProgressUpdate(long id, long actionId, String actionCode, Optional<Long> milestoneId,
                             Optional<Long> memberId, Optional<String> who, Answer answer, Progress before,
                             Progress after, Optional<String> note, Instant at) {
}
