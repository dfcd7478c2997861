package org.ccin.store.outbox;

import java.time.Instant;
import java.util.Optional;

/** A stored message and its delivery state. */
public record OutboxRow(long id, String dedupeKey, OutboxLane lane, String kind, long refId, long chatId,
                        String payload, OutboxStatus status, int attempts, Instant notBefore, Instant createdAt,
                        Optional<Instant> sentAt, Optional<Integer> telegramMessageId, Optional<String> error) {
}
