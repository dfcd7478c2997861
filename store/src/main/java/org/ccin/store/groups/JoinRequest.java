package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/** A request to join a group, and what became of it. */
public record JoinRequest(long id, long groupId, long userId, Instant requestedAt, Optional<String> inviteLink,
                          Status status, Optional<String> reason) {

    /** PENDING until approved, declined, or expired (the person never accepted the rules). */
    public enum Status { PENDING, APPROVED, DECLINED, EXPIRED }
}
