package org.ccin.store.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/** The figures of the staff dashboard, each a small aggregate query. Thread-safe. */
public final class Figures {
    private final Jdbi jdbi;
    private final Clock clock;

    public Figures(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** A label and a number, in order. */
    public record Count(String label, int count) {
    }

    /** Registered members per membership category (its English name; "not given" for none). */
    public List<Count> membersByCategory(String language) {
        String name = "cy".equals(language) ? "c.name_cy" : "c.name_en";
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(" + name + ", '-') AS label, count(*) AS n "
                + "FROM members m LEFT JOIN membership_categories c ON c.code = m.category_code "
                + "WHERE m.registered_at IS NOT NULL GROUP BY label ORDER BY n DESC, label")
                .map((rs, ctx) -> new Count(rs.getString("label"), rs.getInt("n"))).list());
    }

    /** Registered members per region or nation. */
    public List<Count> membersByRegion(String language) {
        String name = "cy".equals(language) ? "r.name_cy" : "r.name_en";
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(" + name + ", '-') AS label, count(*) AS n "
                + "FROM members m LEFT JOIN regions r ON r.code = m.region_code "
                + "WHERE m.registered_at IS NOT NULL GROUP BY label ORDER BY n DESC, label")
                .map((rs, ctx) -> new Count(rs.getString("label"), rs.getInt("n"))).list());
    }

    /** People who joined a group, per week (the Monday it starts), over the last {@code weeks} weeks. */
    public List<Count> groupJoinsPerWeek(int weeks, ZoneId zone) {
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(java.time.DayOfWeek.MONDAY);
        Map<LocalDate, Integer> perWeek = new LinkedHashMap<>();
        for (int i = weeks - 1; i >= 0; i--) {
            perWeek.put(thisMonday.minusWeeks(i), 0);
        }
        Instant from = thisMonday.minusWeeks(weeks - 1L).atStartOfDay(zone).toInstant();
        jdbi.useHandle(h -> h.createQuery("SELECT joined_at FROM group_memberships WHERE joined_at >= :from")
                .bind("from", from).mapTo(Long.class).forEach(at -> {
                    LocalDate monday = Instant.ofEpochMilli(at).atZone(zone).toLocalDate().with(java.time.DayOfWeek.MONDAY);
                    perWeek.computeIfPresent(monday, (k, v) -> v + 1);
                }));
        return perWeek.entrySet().stream().map(e -> new Count(e.getKey().toString(), e.getValue())).toList();
    }

    /** Sent newsletters, newest first: recipients and deliveries. */
    public record Reach(String title, int recipients, int delivered) {
    }

    public List<Reach> newsletterReach(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT n.title, n.recipients,
                       max(coalesce(n.delivered, 0), (SELECT count(*) FROM outbox o WHERE o.kind = 'newsletter'
                                                      AND o.ref_id = n.id AND o.status = 'SENT')) AS delivered
                FROM newsletters n WHERE n.status IN ('SENT', 'SENDING', 'PAUSED', 'CANCELLED')
                ORDER BY n.started_at DESC LIMIT :limit
                """).bind("limit", limit).map((rs, ctx) -> new Reach(rs.getString("title"), rs.getInt("recipients"),
                rs.getInt("delivered"))).list());
    }

    /** Reachable subscribers per topic code. */
    public List<Count> subscribersByTopic() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.topic AS label, count(*) AS n FROM newsletter_subscriptions s
                JOIN members m ON m.id = s.member_id AND m.unreachable_at IS NULL
                WHERE s.ended_at IS NULL GROUP BY s.topic ORDER BY n DESC, label
                """).map((rs, ctx) -> new Count(rs.getString("label"), rs.getInt("n"))).list());
    }

    /** Leads' answers to reminders and from /myactions, per answer. */
    public List<Count> reminderAnswers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT answer AS label, count(*) AS n FROM progress_updates "
                + "GROUP BY answer ORDER BY n DESC, label")
                .map((rs, ctx) -> new Count(rs.getString("label"), rs.getInt("n"))).list());
    }

    /** Records today's traffic lights of the current plan (again, if they changed during the day). */
    public void snapshotProgress(ZoneId zone) {
        String day = LocalDate.now(clock.withZone(zone)).toString();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM progress_snapshots WHERE day = :day").bind("day", day).execute();
            h.createUpdate("""
                    INSERT INTO progress_snapshots (day, progress, count)
                    SELECT :day, a.progress, count(*) FROM actions a JOIN plans p ON p.code = a.plan_code
                    WHERE p.is_current = 1 GROUP BY a.progress
                    """).bind("day", day).execute();
        });
    }

    /** The traffic lights per day over the last {@code days} days with a snapshot: day → progress name → count. */
    public Map<String, Map<String, Integer>> progressOverTime(int days) {
        Map<String, Map<String, Integer>> perDay = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT day, progress, count FROM progress_snapshots WHERE day IN "
                + "(SELECT DISTINCT day FROM progress_snapshots ORDER BY day DESC LIMIT :days) ORDER BY day")
                .bind("days", days).map((rs, ctx) -> perDay.computeIfAbsent(rs.getString("day"), d -> new TreeMap<>())
                        .put(rs.getString("progress"), rs.getInt("count"))).list());
        return perDay;
    }
}
