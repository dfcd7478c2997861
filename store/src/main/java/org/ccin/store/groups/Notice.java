package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/** A removal announced in advance, with why, when it falls due, and whether the person was reminded. */
public record Notice(long id, long userId, long groupId, Reason reason, Instant notifiedAt, Instant removeAfter,
                     Optional<Instant> remindedAt) {

    /** Why the person is to leave the group. */
    public enum Reason { ORGANISATION_LEFT, RULES_NOT_ACCEPTED }
}
