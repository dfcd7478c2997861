package org.ccin.store.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded act: who did what, in which group, to whom, when.
 *
 * @param actorUserId who acted; empty for the bot itself (an automatic removal) or someone since erased
 * @param groupId the group it happened in, if any
 * @param subjectUserId the person it was done to, if any (empty once they are erased)
 */
public record AuditEntry(long id, Instant at, Optional<Long> actorUserId, String action, Optional<String> subject,
                         Optional<String> details, Optional<Long> groupId, Optional<Long> subjectUserId) {

    /** What kind of act this is, for filters and headings. */
    public Optional<AuditKind> kind() {
        return AuditKind.of(action);
    }
}
