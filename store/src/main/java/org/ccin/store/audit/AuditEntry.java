package org.ccin.store.audit;

import java.time.Instant;
import java.util.Optional;

/** One recorded act: who did what to whom, when. */
public record AuditEntry(long id, Instant at, Optional<Long> actorUserId, String action, Optional<String> subject,
                         Optional<String> details) {
}
