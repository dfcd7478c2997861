package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/**
 * A message someone reported to the group's moderators.
 *
 * @param reporterName the reporter's first name, as Telegram gave it (for the moderators' cards)
 * @param authorName the first name of the reported message's author, likewise
 * @param messageDeletedBy who had the bot delete the reported message from the group, once someone did
 */
public record Report(long id, long groupId, long reporterId, long reportedUserId, int messageId,
                     Optional<Integer> threadId, String excerpt, Status status, Optional<Long> handledBy,
                     Instant createdAt, String reporterName, String authorName, Optional<Long> messageDeletedBy) {

    /** OPEN until a moderator acts; then what they did. */
    public enum Status { OPEN, DISMISSED, WARNED, MUTED, REMOVED }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean messageDeleted() {
        return messageDeletedBy.isPresent();
    }
}
