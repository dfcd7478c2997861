package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/** A person in (or formerly in) a group. */
public record Membership(long groupId, long userId, MembershipStatus status, Optional<Instant> joinedAt,
                         Optional<Instant> leftAt, Optional<String> reason) {
}
