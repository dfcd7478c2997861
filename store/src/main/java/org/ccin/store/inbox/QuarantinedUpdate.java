package org.ccin.store.inbox;

import java.time.Instant;

/** An update kept but never handled because the bot could not read it, and why. */
public record QuarantinedUpdate(long updateId, String kind, Instant receivedAt, String error) {
}
