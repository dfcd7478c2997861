package org.ccin.store.events;

import java.time.Instant;
import java.util.List;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;

/**
 * The events measure the strategy asks for: invitations, answers and attendance, per event and per member council
 * (a member's organisation, or the name they typed when it is not in the list). Thread-safe.
 */
public final class EventFigures {
    /** The counts of one event, or of one council over every event. */
    public record Counts(int invited, int going, int maybe, int notGoing, int attended) {
    }

    public record PerEvent(long id, String title, Instant startsAt, boolean cancelled, Counts counts) {
    }

    public record PerCouncil(String council, Counts counts) {
    }

    private static final String COUNTS = """
            count(DISTINCT i.event_id || ':' || i.member_id) AS invited,
            count(DISTINCT CASE WHEN r.answer = 'GOING' THEN r.event_id || ':' || r.member_id END) AS going,
            count(DISTINCT CASE WHEN r.answer = 'MAYBE' THEN r.event_id || ':' || r.member_id END) AS maybe,
            count(DISTINCT CASE WHEN r.answer = 'NOT_GOING' THEN r.event_id || ':' || r.member_id END) AS not_going,
            count(DISTINCT a.event_id || ':' || a.member_id) AS attended
            """;
    /** Every (event, member) pair that was invited, answered or attended: a member can answer uninvited. */
    private static final String PEOPLE = """
            (SELECT event_id, member_id FROM event_invitations UNION SELECT event_id, member_id FROM event_replies
             UNION SELECT event_id, member_id FROM event_attendance) p
            """;
    private static final String JOINED = """
            LEFT JOIN event_invitations i ON i.event_id = p.event_id AND i.member_id = p.member_id
            LEFT JOIN event_replies r ON r.event_id = p.event_id AND r.member_id = p.member_id
            LEFT JOIN event_attendance a ON a.event_id = p.event_id AND a.member_id = p.member_id
            """;

    private final Jdbi jdbi;

    public EventFigures(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Every event, newest first. */
    public List<PerEvent> perEvent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT e.id, e.title, e.starts_at, e.cancelled_at, " + COUNTS
                + " FROM events e LEFT JOIN " + PEOPLE + " ON p.event_id = e.id " + JOINED
                + " GROUP BY e.id ORDER BY e.starts_at DESC, e.id DESC")
                .map((rs, ctx) -> new PerEvent(rs.getLong("id"), rs.getString("title"),
                        Rows.requiredInstant(rs, "starts_at"), Rows.instant(rs, "cancelled_at").isPresent(),
                        counts(rs))).list());
    }

    /** Every council with anyone invited or answering, by most attended, then by name. */
    public List<PerCouncil> perCouncil(String noCouncil) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(o.name, m.organisation_other, :none) AS council, "
                + COUNTS + " FROM " + PEOPLE + JOINED + " JOIN members m ON m.id = p.member_id "
                + "LEFT JOIN organisations o ON o.id = m.organisation_id "
                + "GROUP BY council ORDER BY attended DESC, council")
                .bind("none", noCouncil)
                .map((rs, ctx) -> new PerCouncil(rs.getString("council"), counts(rs))).list());
    }

    private static Counts counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Counts(rs.getInt("invited"), rs.getInt("going"), rs.getInt("maybe"), rs.getInt("not_going"),
                rs.getInt("attended"));
    }
}
