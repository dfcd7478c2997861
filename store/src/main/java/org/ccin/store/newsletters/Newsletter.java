package org.ccin.store.newsletters;

import java.time.Instant;
import java.util.Optional;

/**
 * A newsletter and where it stands.
 *
 * @param createdBy the Telegram user id of the member of staff who wrote it
 * @param recipients how many members it was queued for when sending started
 * @param delivered how many got it, recorded when it ended (its delivery rows are pruned later)
 */
public record Newsletter(long id, Content content, Audience audience, NewsletterStatus status, long createdBy,
                         Instant createdAt, Optional<Instant> scheduledAt, Optional<Instant> startedAt,
                         Optional<Instant> finishedAt, int recipients, Optional<Long> reportChatId,
                         Optional<Integer> reportMessageId, Optional<Integer> delivered) {

    /** Whether its content and audience may still change. */
    public boolean isEditable() {
        return status == NewsletterStatus.DRAFT;
    }
}
