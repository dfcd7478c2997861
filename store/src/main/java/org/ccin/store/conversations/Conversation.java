package org.ccin.store.conversations;

import java.time.Instant;

/**
 * A multi-step flow in progress for one person in one chat.
 *
 * @param flow which flow (e.g. "registration")
 * @param step where in the flow
 * @param state the flow's own answers so far, as JSON
 * @param version changes on every save; buttons carry it so that old keyboards are recognised as stale
 */
public record Conversation(long chatId, long userId, String flow, String step, String state, int version,
                           Instant updatedAt, Instant expiresAt) {
}
