package org.ccin.store.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The network's events: added by staff, listed for members. Thread-safe. */
public final class EventRepository {
    /** How many coming events a list shows at most. */
    public static final int COMING_LIMIT = 20;

    /** An event as members see it. */
    public record Event(long id, String title, String description, Instant startsAt, Instant endsAt,
                        Optional<String> place, Optional<String> onlineLink, Optional<Integer> capacity) {
    }

    private static final RowMapper<Event> ROW = (rs, ctx) -> new Event(rs.getLong("id"), rs.getString("title"),
            rs.getString("description"), Rows.requiredInstant(rs, "starts_at"), Rows.requiredInstant(rs, "ends_at"),
            Rows.text(rs, "place"), Rows.text(rs, "online_link"),
            Rows.number(rs, "capacity").map(Long::intValue));

    private final Jdbi jdbi;
    private final Clock clock;

    public EventRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Adds an event. @return its id */
    public long add(String title, String description, Instant startsAt, Instant endsAt, Optional<String> place,
                    Optional<String> onlineLink, Optional<Integer> capacity, long createdBy) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO events (title, description, starts_at, ends_at, place, online_link, capacity, created_by,
                                    created_at)
                VALUES (:title, :description, :starts, :ends, :place, :link, :capacity, :by, :now)
                """).bind("title", title).bind("description", description).bind("starts", startsAt)
                .bind("ends", endsAt).bind("place", place.orElse(null)).bind("link", onlineLink.orElse(null))
                .bind("capacity", capacity.orElse(null)).bind("by", createdBy).bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** The events not over yet and not cancelled, soonest first (one under way comes first). */
    public List<Event> coming() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM events WHERE cancelled_at IS NULL AND ends_at > :now
                ORDER BY starts_at, id LIMIT :limit
                """).bind("now", clock.instant()).bind("limit", COMING_LIMIT).map(ROW).list());
    }
}
