package org.ccin.store.reminders;

import java.time.Instant;
import java.util.Optional;

/** A one-time link for a lead to claim an action; works once, until it expires. */
public record LeadClaim(String token, long actionId, String leadName, long createdBy, Instant expiresAt,
                        Optional<Instant> claimedAt) {
}
