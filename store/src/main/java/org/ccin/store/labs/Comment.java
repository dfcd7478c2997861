package org.ccin.store.labs;

import java.time.Instant;

/** A reviewer's comment on an application. */
public record Comment(long id, long reviewerId, String text, Instant createdAt) {
}
