package org.ccin.store.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;

/** Searches people ran, for paging and filtering by button; pruned after a while. Thread-safe. */
public final class SavedSearchRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    public SavedSearchRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public SavedSearch save(long userId, String query, String filters) {
        // one reading of the clock, so that the search returned is the one stored
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO saved_searches (user_id, query, filters, created_at) "
                    + "VALUES (:user, :query, :filters, :now)").bind("user", userId).bind("query", query)
                    .bind("filters", filters).bind("now", now).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            return new SavedSearch(id, userId, query, filters, now);
        });
    }

    /** The search, if it exists and belongs to this person (button data is chosen by the client). */
    public Optional<SavedSearch> find(long id, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM saved_searches WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId)
                .map((rs, ctx) -> new SavedSearch(rs.getLong("id"), rs.getLong("user_id"), rs.getString("query"),
                        rs.getString("filters"), Rows.requiredInstant(rs, "created_at"))).findOne());
    }

    /** @return how many searches older than {@code age} were removed */
    public int pruneOlderThan(Duration age) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM saved_searches WHERE created_at < :cutoff")
                .bind("cutoff", clock.instant().minus(age)).execute());
    }
}
