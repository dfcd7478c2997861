package org.ccin.store.inbox;

import java.time.Instant;

/** An update in the inbox. */
public record StoredUpdate(long updateId, long chatKey, String kind, String payload, Instant receivedAt,
                           InboxStatus status) {
}
