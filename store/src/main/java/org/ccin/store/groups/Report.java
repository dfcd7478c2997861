package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/** A message someone reported to the group's moderators. */
public record Report(long id, long groupId, long reporterId, long reportedUserId, int messageId,
                     Optional<Integer> threadId, String excerpt, Status status, Optional<Long> handledBy,
                     Instant createdAt) {

    /** OPEN until a moderator acts; then what they did. */
    public enum Status { OPEN, DISMISSED, WARNED, MUTED, REMOVED }
}
