package org.ccin.store.groups;

import java.time.Clock;
import java.util.List;
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
            Rows.requiredInstant(rs, "created_at"), rs.getString("reporter_name"), rs.getString("author_name"),
            Rows.number(rs, "message_deleted_by"));

    private final Jdbi jdbi;
    private final Clock clock;

    public ModerationRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Who reported whom, by their first names as Telegram gave them (shown to the moderators only). */
    public record People(long reporterId, String reporterName, long authorId, String authorName) {
    }

    public Report report(long groupId, People people, int messageId, Optional<Integer> threadId, String excerpt) {
        long id = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO reports (group_id, reporter_id, reported_user_id, message_id, thread_id, excerpt, created_at,
                                     reporter_name, author_name)
                VALUES (:group, :reporter, :reported, :message, :thread, :excerpt, :now, :reporterName, :authorName)
                """).bind("group", groupId).bind("reporter", people.reporterId()).bind("reported", people.authorId())
                .bind("message", messageId).bind("thread", threadId.orElse(null)).bind("excerpt", excerpt)
                .bind("now", clock.instant()).bind("reporterName", people.reporterName())
                .bind("authorName", people.authorName()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(id).orElseThrow();
    }

    public Optional<Report> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reports WHERE id = :id").bind("id", id)
                .map(REPORT).findOne());
    }

    /** The person's reports in the group that nobody has dealt with yet, oldest first. */
    public List<Report> openAbout(long groupId, long reportedUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reports WHERE group_id = :group "
                + "AND reported_user_id = :user AND status = 'OPEN' ORDER BY id").bind("group", groupId)
                .bind("user", reportedUserId).map(REPORT).list());
    }

    /** Every report of one message (several members may report it), oldest first. */
    public List<Report> ofMessage(long groupId, int messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM reports WHERE group_id = :group "
                + "AND message_id = :message ORDER BY id").bind("group", groupId).bind("message", messageId)
                .map(REPORT).list());
    }

    /** Records what a moderator did; false when the report was already handled (by them or another moderator). */
    public boolean handle(long reportId, Report.Status outcome, long moderatorId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE reports SET status = :status, handled_by = :by, "
                + "handled_at = :now WHERE id = :id AND status = 'OPEN'").bind("status", outcome.name())
                .bind("by", moderatorId).bind("now", clock.instant()).bind("id", reportId).execute()) == 1;
    }

    /** Records that the reported message was deleted; false when it already was. */
    public boolean messageDeleted(long reportId, long byUserId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE reports SET message_deleted_at = :now, "
                + "message_deleted_by = :by WHERE id = :id AND message_deleted_at IS NULL").bind("now", clock.instant())
                .bind("by", byUserId).bind("id", reportId).execute()) == 1;
    }

    /** Keeps where a moderator's message about a report is, so that it can show what became of the report. */
    public void addCard(long reportId, long chatId, int messageId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT OR REPLACE INTO report_cards (report_id, chat_id, message_id) "
                + "VALUES (:report, :chat, :message)").bind("report", reportId).bind("chat", chatId)
                .bind("message", messageId).execute());
    }

    /** Every moderator's message about a report. */
    public List<ReportCard> cards(long reportId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM report_cards WHERE report_id = :report ORDER BY chat_id")
                .bind("report", reportId).map((rs, ctx) -> new ReportCard(rs.getLong("report_id"), rs.getLong("chat_id"),
                        rs.getInt("message_id"))).list());
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
