package org.ccin.store.groups;

import java.time.Clock;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reports and warnings. Thread-safe. */
public final class ModerationRepository {
    private static final RowMapper<Report> REPORT = (rs, ctx) -> new Report(rs.getLong("id"), rs.getLong("group_id"),
            rs.getLong("reporter_id"), rs.getLong("reported_user_id"), rs.getInt("message_id"),
            Rows.number(rs, "thread_id").map(Long::intValue), rs.getString("excerpt"),
            Report.Status.valueOf(rs.getString("status")), Rows.number(rs, "handled_by"),
            Rows.requiredInstant(rs, "created_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public ModerationRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Report report(long groupId, long reporterId, long reportedUserId, int messageId, Optional<Integer> threadId,
                         String excerpt) {
        long id = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO reports (group_id, reporter_id, reported_user_id, message_id, thread_id, excerpt, created_at)
                VALUES (:group, :reporter, :reported, :message, :thread, :excerpt, :now)
                """).bind("group", groupId).bind("reporter", reporterId).bind("reported", reportedUserId)
                .bind("message", messageId).bind("thread", threadId.orElse(null)).bind("excerpt", excerpt)
                .bind("now", clock.instant()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(id).orElseThrow();
    }

    public Optional<Report> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reports WHERE id = :id").bind("id", id)
                .map(REPORT).findOne());
    }

    /** Records what a moderator did; false when the report was already handled (by them or another moderator). */
    public boolean handle(long reportId, Report.Status outcome, long moderatorId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE reports SET status = :status, handled_by = :by, "
                + "handled_at = :now WHERE id = :id AND status = 'OPEN'").bind("status", outcome.name())
                .bind("by", moderatorId).bind("now", clock.instant()).bind("id", reportId).execute()) == 1;
    }

    /** Adds a warning. @return how many warnings the person now has in this group */
    public int warn(long groupId, long userId, long warnedBy, Optional<Long> reportId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO warnings (group_id, telegram_user_id, warned_by, report_id, created_at) "
                    + "VALUES (:group, :user, :by, :report, :now)").bind("group", groupId).bind("user", userId)
                    .bind("by", warnedBy).bind("report", reportId.orElse(null)).bind("now", clock.instant()).execute();
            return h.createQuery("SELECT count(*) FROM warnings WHERE group_id = :group AND telegram_user_id = :user")
                    .bind("group", groupId).bind("user", userId).mapTo(Integer.class).one();
        });
    }

    public int warnings(long groupId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM warnings WHERE group_id = :group "
                + "AND telegram_user_id = :user").bind("group", groupId).bind("user", userId).mapTo(Integer.class).one());
    }
}
