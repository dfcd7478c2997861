package org.ccin.store.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries staff want to see: of one group, about or by one person (Telegram user id), of one kind, recorded
 * since a moment (the dashboard's period); each empty for all.
 */
public record AuditFilter(Optional<Long> groupId, Optional<Long> personId, Optional<AuditKind> kind,
                          Optional<Instant> since) {
    /** Without a period: what /audit in the chat asks for (it has no period to choose). */
    public AuditFilter(Optional<Long> groupId, Optional<Long> personId, Optional<AuditKind> kind) {
        this(groupId, personId, kind, Optional.empty());
    }

    public static AuditFilter everything() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same filter, only entries recorded at or after {@code since}. */
    public AuditFilter since(Instant from) {
        return new AuditFilter(groupId, personId, kind, Optional.of(from));
    }
}
