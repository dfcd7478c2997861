package org.ccin.store.search;

import java.time.Instant;

/**
 * A search someone ran, kept so that its More and filter buttons can refer to it by id.
 *
 * @param filters the filters as the bot wrote them (JSON)
 */
public record SavedSearch(long id, long userId, String query, String filters, Instant createdAt) {
}
