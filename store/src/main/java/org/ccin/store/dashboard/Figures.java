package org.ccin.store.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

    /** Member organisations (network members) per membership category. */
    public List<Count> organisationsByCategory(String language) {
        String name = "cy".equals(language) ? "c.name_cy" : "c.name_en";
        return counts("SELECT coalesce(" + name + ", '-') AS label, count(*) AS n FROM organisations o "
                + "LEFT JOIN membership_categories c ON c.code = o.category_code WHERE o.network_member = 1 "
                + "GROUP BY label ORDER BY n DESC, label");
    }

    /** Member organisations (network members) per region or nation. */
    public List<Count> organisationsByRegion(String language) {
        String name = "cy".equals(language) ? "r.name_cy" : "r.name_en";
        return counts("SELECT coalesce(" + name + ", '-') AS label, count(*) AS n FROM organisations o "
                + "LEFT JOIN regions r ON r.code = o.region_code WHERE o.network_member = 1 "
                + "GROUP BY label ORDER BY n DESC, label");
    }

    private List<Count> counts(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).map((rs, ctx) -> new Count(rs.getString("label"),
                rs.getInt("n"))).list());
    }

    /** The weeks (their Mondays) of a period of {@code weeks} weeks ending with this one. */
    public List<LocalDate> weeks(int weeks, ZoneId zone) {
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(DayOfWeek.MONDAY);
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = weeks - 1; i >= 0; i--) {
            mondays.add(thisMonday.minusWeeks(i));
        }
        return mondays;
    }

    /** When a period of {@code weeks} weeks ending with this one starts: its first Monday, 00:00 in the zone. */
    public Instant periodStart(int weeks, ZoneId zone) {
        return weeks(weeks, zone).get(0).atStartOfDay(zone).toInstant();
    }

    /** People who joined a group, per week (the Monday it starts), over the last {@code weeks} weeks. */
    public List<Count> groupJoinsPerWeek(int weeks, ZoneId zone) {
        return perWeek("SELECT joined_at FROM group_memberships WHERE joined_at >= :from", weeks, zone);
    }

    /** Member organisations added to the bot (imported or registered), per week, over the last {@code weeks} weeks. */
    public List<Count> organisationsPerWeek(int weeks, ZoneId zone) {
        return perWeek("SELECT created_at FROM organisations WHERE network_member = 1 AND created_at >= :from", weeks,
                zone);
    }

    /**
     * Whether anything of a dashboard section happened before {@code from}: an empty chart then says that nothing
     * happened in the period, and that a longer one shows more, instead of "nothing yet".
     */
    public enum Before {
        NEWSLETTERS("SELECT 1 FROM newsletters WHERE status IN ('SENT', 'SENDING', 'PAUSED', 'CANCELLED') "
                + "AND started_at < :from"),
        REMINDERS("SELECT 1 FROM reminders WHERE status = 'QUEUED' AND slot_at < :from"),
        GROUP_MOVEMENTS("SELECT 1 FROM group_memberships WHERE joined_at < :from OR left_at < :from"),
        ORGANISATIONS("SELECT 1 FROM organisations WHERE network_member = 1 AND created_at < :from"),
        LIGHTS("SELECT 1 FROM progress_snapshots WHERE day < :from");

        private final String sql;

        Before(String sql) {
            this.sql = sql;
        }
    }

    public boolean anyBefore(Before what, Instant from, ZoneId zone) {
        // the snapshots are kept by day (text), the rest by instant
        Object bound = what == Before.LIGHTS ? from.atZone(zone).toLocalDate().toString() : from;
        return jdbi.withHandle(h -> h.createQuery(what.sql + " LIMIT 1").bind("from", bound).mapTo(Integer.class)
                .findOne().isPresent());
    }

    /** Members who finished registering, per week, over the last {@code weeks} weeks. */
    public List<Count> registrationsPerWeek(int weeks, ZoneId zone) {
        return perWeek("SELECT registered_at FROM members WHERE registered_at >= :from", weeks, zone);
    }

    private List<Count> perWeek(String sql, int weeks, ZoneId zone) {
        Map<LocalDate, Integer> perWeek = new LinkedHashMap<>();
        weeks(weeks, zone).forEach(monday -> perWeek.put(monday, 0));
        jdbi.useHandle(h -> h.createQuery(sql).bind("from", periodStart(weeks, zone)).mapTo(Long.class).forEach(at -> {
            LocalDate monday = Instant.ofEpochMilli(at).atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
            perWeek.computeIfPresent(monday, (k, v) -> v + 1);
        }));
        return perWeek.entrySet().stream().map(e -> new Count(e.getKey().toString(), e.getValue())).toList();
    }

    /**
     * Engagement of one member organisation: its registered members (now), and since the period's start the group
     * sign-ups, newsletter button taps (unsubscribing not counted) and answers to reminders of its members. An answer
     * to a reminder is a progress update that answered one: recording an update marks the lead's open reminders of
     * that milestone (or action) answered at the update's time, so the two share it; updates given with no reminder
     * open, or after it was answered, are not counted.
     */
    public record Engagement(String organisation, int members, int groupsJoined, int newsletterTaps,
                             int remindersAnswered) {
    }

    /** Per member organisation with anything to count, most members first. */
    public List<Engagement> engagement(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM (
                  SELECT o.name,
                    (SELECT count(*) FROM members m WHERE m.organisation_id = o.id AND m.registered_at IS NOT NULL)
                      AS members,
                    (SELECT count(*) FROM group_memberships g JOIN members m ON m.telegram_user_id = g.telegram_user_id
                      WHERE m.organisation_id = o.id AND g.joined_at >= :from) AS joined,
                    (SELECT count(*) FROM newsletter_taps t JOIN members m ON m.id = t.member_id
                      WHERE m.organisation_id = o.id AND t.tapped_at >= :from AND t.button NOT LIKE 'unsubscribe%')
                      AS taps,
                    (SELECT count(*) FROM progress_updates p JOIN members m ON m.id = p.member_id
                      WHERE m.organisation_id = o.id AND p.created_at >= :from AND EXISTS (
                        SELECT 1 FROM reminders r WHERE r.member_id = p.member_id AND r.answered_at = p.created_at
                          AND (r.milestone_id = p.milestone_id OR (p.milestone_id IS NULL AND r.action_id = p.action_id))))
                      AS answered
                  FROM organisations o WHERE o.network_member = 1)
                WHERE members + joined + taps + answered > 0
                ORDER BY members DESC, joined DESC, name
                """).bind("from", from).map((rs, ctx) -> new Engagement(rs.getString("name"), rs.getInt("members"),
                rs.getInt("joined"), rs.getInt("taps"), rs.getInt("answered"))).list());
    }

    /** A group's comings and goings since the period's start, and the join requests waiting now. */
    public record GroupMovement(String title, String titleCy, int signUps, int leaves, int removals, int pending) {
        public String title(String language) {
            return "cy".equals(language) && !titleCy.isBlank() ? titleCy : title;
        }
    }

    public List<GroupMovement> groupMovements(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT g.title, g.title_cy,
                  (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.joined_at >= :from) AS joins,
                  (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.status = 'LEFT'
                     AND m.left_at >= :from) AS leaves,
                  (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.status = 'REMOVED'
                     AND m.left_at >= :from) AS removals,
                  (SELECT count(*) FROM join_requests r WHERE r.group_id = g.id AND r.status = 'PENDING') AS pending
                FROM chat_groups g ORDER BY g.title
                """).bind("from", from).map((rs, ctx) -> new GroupMovement(rs.getString("title"),
                rs.getString("title_cy"), rs.getInt("joins"), rs.getInt("leaves"), rs.getInt("removals"),
                rs.getInt("pending"))).list());
    }

    /**
     * A newsletter sent (or being sent) in the period: whom it was for, how many got it, how many could not be
     * reached (they blocked the bot), how many unsubscribed from its buttons and how many tapped its other buttons.
     */
    public record Issue(String title, Instant startedAt, int recipients, int delivered, int blocked, int unsubscribes,
                        int taps) {
    }

    /** The issues started since {@code from}, oldest first. */
    public List<Issue> newsletterIssues(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT n.title, n.started_at, n.recipients,
                       max(coalesce(n.delivered, 0), (SELECT count(*) FROM outbox o WHERE o.kind = 'newsletter'
                                                      AND o.ref_id = n.id AND o.status = 'SENT')) AS delivered,
                       (SELECT count(*) FROM outbox o WHERE o.kind = 'newsletter' AND o.ref_id = n.id
                          AND o.status = 'BLOCKED') AS blocked,
                       (SELECT count(*) FROM newsletter_taps t WHERE t.newsletter_id = n.id
                          AND t.button LIKE 'unsubscribe%') AS unsubscribes,
                       (SELECT count(*) FROM newsletter_taps t WHERE t.newsletter_id = n.id
                          AND t.button NOT LIKE 'unsubscribe%') AS taps
                FROM newsletters n WHERE n.status IN ('SENT', 'SENDING', 'PAUSED', 'CANCELLED')
                  AND n.started_at >= :from
                ORDER BY n.started_at, n.id
                """).bind("from", from).map((rs, ctx) -> new Issue(rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("started_at")), rs.getInt("recipients"), rs.getInt("delivered"),
                rs.getInt("blocked"), rs.getInt("unsubscribes"), rs.getInt("taps"))).list());
    }

    /** The reminders of one week (its Monday): answered, not (yet) answered, and passed on to staff. */
    public record ReminderWeek(LocalDate monday, int answered, int unanswered, int escalated) {
    }

    /** Reminders sent per week of the period, by what became of them. */
    public List<ReminderWeek> remindersPerWeek(int weeks, ZoneId zone) {
        Map<LocalDate, int[]> perWeek = new LinkedHashMap<>();
        weeks(weeks, zone).forEach(monday -> perWeek.put(monday, new int[3]));
        jdbi.useHandle(h -> h.createQuery("SELECT slot_at, answered_at IS NOT NULL AS answered, "
                        + "escalated_at IS NOT NULL AS escalated FROM reminders WHERE status = 'QUEUED' "
                        + "AND slot_at >= :from AND slot_at <= :now")
                .bind("from", periodStart(weeks, zone)).bind("now", clock.instant()).map((rs, ctx) -> {
                    LocalDate monday = Instant.ofEpochMilli(rs.getLong("slot_at")).atZone(zone).toLocalDate()
                            .with(DayOfWeek.MONDAY);
                    int[] counts = perWeek.get(monday);
                    if (counts != null) {
                        counts[rs.getBoolean("answered") ? 0 : rs.getBoolean("escalated") ? 2 : 1]++;
                    }
                    return monday;
                }).list());
        return perWeek.entrySet().stream().map(e -> new ReminderWeek(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    /** Reachable subscribers per topic code. */
    public List<Count> subscribersByTopic() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.topic AS label, count(*) AS n FROM newsletter_subscriptions s
                JOIN members m ON m.id = s.member_id AND m.unreachable_at IS NULL
                WHERE s.ended_at IS NULL GROUP BY s.topic ORDER BY n DESC, label
                """).map((rs, ctx) -> new Count(rs.getString("label"), rs.getInt("n"))).list());
    }

    /** Records today's traffic lights of the current plan, and how many at each are overdue (again, if they changed). */
    public void snapshotProgress(ZoneId zone) {
        String day = LocalDate.now(clock.withZone(zone)).toString();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM progress_snapshots WHERE day = :day").bind("day", day).execute();
            h.createUpdate("""
                    INSERT INTO progress_snapshots (day, progress, count, overdue)
                    SELECT :day, a.progress, count(*),
                           sum(CASE WHEN a.progress <> 'COMPLETE' AND EXISTS (SELECT 1 FROM milestones ms
                               WHERE ms.action_id = a.id AND ms.done = 0 AND ms.due_date < :day) THEN 1 ELSE 0 END)
                    FROM actions a JOIN plans p ON p.code = a.plan_code
                    WHERE p.is_current = 1 GROUP BY a.progress
                    """).bind("day", day).execute();
        });
    }

    /** One day's recorded traffic lights: progress name → actions, and progress name → of those, overdue. */
    public record Snapshot(LocalDate day, Map<String, Integer> counts, Map<String, Integer> overdue) {
        public int overdueTotal() {
            return overdue.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The days recorded since {@code from}, oldest first. */
    public List<Snapshot> progressSince(LocalDate from) {
        Map<String, Snapshot> perDay = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT day, progress, count, overdue FROM progress_snapshots "
                        + "WHERE day >= :from ORDER BY day")
                .bind("from", from.toString()).map((rs, ctx) -> {
                    Snapshot snapshot = perDay.computeIfAbsent(rs.getString("day"), d -> new Snapshot(LocalDate.parse(d),
                            new TreeMap<>(), new TreeMap<>()));
                    snapshot.counts().put(rs.getString("progress"), rs.getInt("count"));
                    snapshot.overdue().put(rs.getString("progress"), rs.getInt("overdue"));
                    return snapshot;
                }).list());
        return List.copyOf(perDay.values());
    }
}
