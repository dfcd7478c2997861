package org.ccin.store.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Announced removals: created, reminded, then carried out or withdrawn. Thread-safe. */
public final class NoticeRepository {
    private static final RowMapper<Notice> NOTICE = (rs, ctx) -> new Notice(rs.getLong("id"),
            rs.getLong("telegram_user_id"), rs.getLong("group_id"), Notice.Reason.valueOf(rs.getString("reason")),
            Rows.requiredInstant(rs, "notified_at"), Rows.requiredInstant(rs, "remove_after"),
            Rows.instant(rs, "reminded_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public NoticeRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Announces a removal, unless one for the same reason is open already. @return the open notice */
    public Notice announce(long userId, long groupId, Notice.Reason reason, Instant removeAfter) {
        return jdbi.inTransaction(h -> {
            Optional<Notice> open = h.createQuery("SELECT * FROM membership_notices WHERE telegram_user_id = :user "
                    + "AND group_id = :group AND reason = :reason AND resolved_at IS NULL").bind("user", userId)
                    .bind("group", groupId).bind("reason", reason.name()).map(NOTICE).findOne();
            if (open.isPresent()) {
                return open.get();
            }
            long id = h.createUpdate("INSERT INTO membership_notices (telegram_user_id, group_id, reason, notified_at, "
                    + "remove_after) VALUES (:user, :group, :reason, :now, :after)").bind("user", userId)
                    .bind("group", groupId).bind("reason", reason.name()).bind("now", clock.instant())
                    .bind("after", removeAfter).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery("SELECT * FROM membership_notices WHERE id = :id").bind("id", id).map(NOTICE).one();
        });
    }

    public List<Notice> open() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM membership_notices WHERE resolved_at IS NULL "
                + "ORDER BY remove_after").map(NOTICE).list());
    }

    /** Notes that the person was reminded; a notice already resolved keeps its record as it closed. */
    public void reminded(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE membership_notices SET reminded_at = :now WHERE id = :id "
                + "AND resolved_at IS NULL")
                .bind("now", clock.instant()).bind("id", id).execute());
    }

    /** Closes a notice: "removed", or why it was withdrawn ("accepted", "rejoined the network"). */
    public void resolve(long id, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE membership_notices SET resolved_at = :now, outcome = :outcome "
                + "WHERE id = :id AND resolved_at IS NULL").bind("now", clock.instant()).bind("outcome", outcome)
                .bind("id", id).execute());
    }

    /** Withdraws every open notice of one person and reason (e.g. they accepted the rules after all). */
    public void resolveAll(long userId, Notice.Reason reason, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE membership_notices SET resolved_at = :now, outcome = :outcome "
                + "WHERE telegram_user_id = :user AND reason = :reason AND resolved_at IS NULL")
                .bind("now", clock.instant()).bind("outcome", outcome).bind("user", userId)
                .bind("reason", reason.name()).execute());
    }
}
