package org.ccin.store.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.newsletters.Recipient;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The network's events: made by staff, announced to their audience, listed for members, cancelled. Thread-safe. */
public final class EventRepository {
    /** How many coming events a list shows at most. */
    public static final int COMING_LIMIT = 20;

    static final RowMapper<Event> ROW = (rs, ctx) -> new Event(rs.getLong("id"), rs.getString("title"),
            rs.getString("description"), Rows.requiredInstant(rs, "starts_at"), Rows.requiredInstant(rs, "ends_at"),
            Rows.text(rs, "place"), Rows.text(rs, "online_link"), Rows.number(rs, "capacity").map(Long::intValue),
            new Audience(rs.getString("topic"), split(rs.getString("audience_groups")).stream().map(Long::valueOf)
                    .collect(java.util.stream.Collectors.toSet()),
                    Set.copyOf(split(rs.getString("audience_categories"))),
                    Set.copyOf(split(rs.getString("audience_regions")))),
            Rows.instant(rs, "announced_at"), Rows.instant(rs, "cancelled_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public EventRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Adds an event for the subscribers of the "events" topic. @return its id */
    public long add(String title, String description, Instant startsAt, Instant endsAt, Optional<String> place,
                    Optional<String> onlineLink, Optional<Integer> capacity, long createdBy) {
        return add(new NewEvent(title, description, startsAt, endsAt, place, onlineLink, capacity,
                Audience.of("events")), createdBy);
    }

    /** Adds an event, not announced yet. @return its id */
    public long add(NewEvent event, long createdBy) {
        Audience audience = event.audience();
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO events (title, description, starts_at, ends_at, place, online_link, capacity, topic,
                                    audience_groups, audience_categories, audience_regions, created_by, created_at)
                VALUES (:title, :description, :starts, :ends, :place, :link, :capacity, :topic, :groups, :categories,
                        :regions, :by, :now)
                """).bind("title", event.title()).bind("description", event.description())
                .bind("starts", event.startsAt()).bind("ends", event.endsAt())
                .bind("place", event.place().orElse(null)).bind("link", event.onlineLink().orElse(null))
                .bind("capacity", event.capacity().orElse(null)).bind("topic", audience.topic())
                .bind("groups", join(audience.groupIds())).bind("categories", join(audience.categories()))
                .bind("regions", join(audience.regions())).bind("by", createdBy).bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Event> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM events WHERE id = :id").bind("id", id).map(ROW)
                .findOne());
    }

    /** The events not over yet and not cancelled, soonest first (one under way comes first). */
    public List<Event> coming() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM events WHERE cancelled_at IS NULL AND ends_at > :now
                ORDER BY starts_at, id LIMIT :limit
                """).bind("now", clock.instant()).bind("limit", COMING_LIMIT).map(ROW).list());
    }

    /** The events not cancelled that start after {@code from} and at or before {@code to}. */
    public List<Event> startingBetween(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM events WHERE cancelled_at IS NULL AND starts_at > :from AND starts_at <= :to
                ORDER BY starts_at, id
                """).bind("from", from).bind("to", to).map(ROW).list());
    }

    /** Every event that has started or starts, newest first, for staff's overview. */
    public List<Event> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM events ORDER BY starts_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(ROW).list());
    }

    /**
     * Announces an event once: records an invitation for each recipient and queues their messages, in one
     * transaction. @return how many were invited; empty when it was announced already, cancelled, or is unknown
     */
    public Optional<Integer> announce(long id, List<Recipient> recipients, Function<Recipient, OutboxMessage> message) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int marked = h.createUpdate("""
                    UPDATE events SET announced_at = :now
                    WHERE id = :id AND announced_at IS NULL AND cancelled_at IS NULL
                    """).bind("now", now).bind("id", id).execute();
            if (marked == 0) {
                return Optional.empty();
            }
            if (!recipients.isEmpty()) {
                PreparedBatch invitations = h.prepareBatch("""
                        INSERT INTO event_invitations (event_id, member_id, invited_at) VALUES (:event, :member, :now)
                        ON CONFLICT DO NOTHING
                        """);
                recipients.forEach(r -> invitations.bind("event", id).bind("member", r.memberId()).bind("now", now)
                        .add());
                invitations.execute();
            }
            List<OutboxMessage> messages = new ArrayList<>();
            recipients.forEach(r -> messages.add(message.apply(r)));
            OutboxRepository.enqueue(h, messages, OutboxStatus.PENDING, now);
            return Optional.of(recipients.size());
        });
    }

    /** Cancels an event that is not over. @return false when it was cancelled already, over, or is unknown */
    public boolean cancel(long id) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE events SET cancelled_at = :now WHERE id = :id AND cancelled_at IS NULL AND ends_at > :now
                """).bind("now", now).bind("id", id).execute()) == 1;
    }

    private static String join(Set<?> values) {
        return String.join(",", new java.util.TreeSet<>(values.stream().map(String::valueOf).toList()));
    }

    private static List<String> split(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(","));
    }
}
