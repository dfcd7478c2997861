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
            Rows.instant(rs, "announced_at"), Rows.instant(rs, "cancelled_at"), rs.getInt("schedule_version"));

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

    /** The coming events for everyone and those open to this member (see {@link EventAudience}), soonest first. */
    public List<Event> comingFor(long memberId) {
        return jdbi.withHandle(h -> coming().stream().filter(e -> !e.audience().isNarrowed()
                || EventAudience.includes(h, e, memberId)).toList());
    }

    /** The coming events for every registered member (their audience not narrowed), for those not registered. */
    public List<Event> comingForEveryone() {
        return coming().stream().filter(e -> !e.audience().isNarrowed()).toList();
    }

    /** Whether the event is open to this member: invited, or in its audience now. */
    public boolean isFor(Event event, long memberId) {
        return jdbi.withHandle(h -> EventAudience.includes(h, event, memberId));
    }

    /**
     * A member's calendar feed: the events open to them that are not cancelled and ended after {@code since} (so a
     * calendar keeps the recent past, and the feed does not grow for ever), soonest first, at most {@code limit}.
     */
    public List<Event> feedFor(long memberId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM events WHERE cancelled_at IS NULL AND announced_at IS NOT NULL AND ends_at > :since
                ORDER BY starts_at DESC, id DESC LIMIT :limit
                """).bind("since", since).bind("limit", limit).map(ROW).list().stream()
                .filter(e -> !e.audience().isNarrowed() || EventAudience.includes(h, e, memberId))
                .sorted(java.util.Comparator.comparing(Event::startsAt).thenComparing(Event::id)).toList());
    }

    /**
     * The events not cancelled that are under way or start at or before {@code to}: the reminders' and the online
     * link's window (a late Going still gets the link until the end).
     */
    public List<Event> notOverStartingBy(Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM events WHERE cancelled_at IS NULL AND ends_at > :now AND starts_at <= :to
                ORDER BY starts_at, id
                """).bind("now", clock.instant()).bind("to", to).map(ROW).list());
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

    /** A new time and place for an event. */
    public record Schedule(Instant startsAt, Instant endsAt, Optional<String> place, Optional<String> onlineLink) {
    }

    /**
     * Moves an event that is not cancelled nor over to a new time and place, when it is still at the version the
     * change was made from (two staff changing it at once: the second is refused, not mixed in). In one transaction
     * its queued reminders and link of the old time are withdrawn (those already sent stay sent) and {@code notices}
     * (telling those who answered) are queued. @return false when nothing was changed
     */
    public boolean reschedule(long id, int fromVersion, Schedule schedule, List<OutboxMessage> notices) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                    UPDATE events SET starts_at = :starts, ends_at = :ends, place = :place, online_link = :link,
                        schedule_version = schedule_version + 1
                    WHERE id = :id AND schedule_version = :version AND cancelled_at IS NULL AND ends_at > :now
                    """).bind("starts", schedule.startsAt()).bind("ends", schedule.endsAt())
                    .bind("place", schedule.place().orElse(null)).bind("link", schedule.onlineLink().orElse(null))
                    .bind("id", id).bind("version", fromVersion).bind("now", now).execute();
            if (changed == 0) {
                return false;
            }
            String prefix = "event:" + id + ":";
            h.createUpdate("""
                    UPDATE outbox SET status = 'CANCELLED', updated_at = :now, error = 'the event was moved'
                    WHERE kind = 'event' AND ref_id = :id AND status IN ('PENDING', 'HELD')
                      AND (dedupe_key LIKE :day OR dedupe_key LIKE :hour OR dedupe_key LIKE :link)
                    """).bind("now", now).bind("id", id).bind("day", prefix + "day%")
                    .bind("hour", prefix + "hour%").bind("link", prefix + "link%").execute();
            OutboxRepository.enqueue(h, notices, OutboxStatus.PENDING, now);
            return true;
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
