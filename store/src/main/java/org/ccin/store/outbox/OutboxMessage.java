package org.ccin.store.outbox;

import java.time.Instant;

/**
 * A message to enqueue.
 *
 * @param dedupeKey unique per message and recipient, e.g. {@code newsletter:7:member:123}
 * @param kind which feature it belongs to ("reminder", "newsletter"), for its listener and reports
 * @param refId what it is about in that feature (a newsletter id, a milestone id)
 * @param payload the message itself, as the bot's JSON
 */
public record OutboxMessage(String dedupeKey, OutboxLane lane, String kind, long refId, long chatId, String payload,
                            Instant notBefore) {
}
