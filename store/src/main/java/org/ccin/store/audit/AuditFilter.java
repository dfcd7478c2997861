package org.ccin.store.audit;

import java.util.Optional;

/**
 * Which entries staff want to see: of one group, about or by one person (Telegram user id), of one kind; each
 * empty for all.
 */
public record AuditFilter(Optional<Long> groupId, Optional<Long> personId, Optional<AuditKind> kind) {
    public static AuditFilter everything() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
