package org.ccin.store.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Who is in which group, as the bot's records follow Telegram's. Thread-safe. */
public final class MembershipRepository {
    private static final RowMapper<Membership> MEMBERSHIP = (rs, ctx) -> new Membership(rs.getLong("group_id"),
            rs.getLong("telegram_user_id"), MembershipStatus.valueOf(rs.getString("status")),
            Rows.instant(rs, "joined_at"), Rows.instant(rs, "left_at"), Rows.text(rs, "reason"));

    private final Jdbi jdbi;
    private final Clock clock;

    public MembershipRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The person is in the group now (joined, or rejoined after leaving). */
    public void joined(long groupId, long userId) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO group_memberships (group_id, telegram_user_id, status, joined_at)
                VALUES (:group, :user, 'JOINED', :now)
                ON CONFLICT (group_id, telegram_user_id) DO UPDATE SET status = 'JOINED', joined_at = excluded.joined_at,
                    left_at = NULL, reason = NULL
                WHERE group_memberships.status <> 'JOINED'
                """).bind("group", groupId).bind("user", userId).bind("now", clock.instant()).execute());
    }

    /** The person is out of the group: LEFT or REMOVED, with why. */
    public void ended(long groupId, long userId, MembershipStatus status, String reason) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO group_memberships (group_id, telegram_user_id, status, left_at, reason)
                VALUES (:group, :user, :status, :now, :reason)
                ON CONFLICT (group_id, telegram_user_id) DO UPDATE SET status = excluded.status,
                    left_at = excluded.left_at, reason = excluded.reason
                WHERE group_memberships.status = 'JOINED'
                """).bind("group", groupId).bind("user", userId).bind("status", status.name())
                .bind("reason", reason).bind("now", clock.instant()).execute());
    }

    public Optional<Membership> find(long groupId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM group_memberships WHERE group_id = :group "
                + "AND telegram_user_id = :user").bind("group", groupId).bind("user", userId).map(MEMBERSHIP).findOne());
    }

    public boolean isIn(long groupId, long userId) {
        return find(groupId, userId).map(m -> m.status() == MembershipStatus.JOINED).orElse(false);
    }

    /** The groups a person is in now. */
    public List<Membership> of(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM group_memberships WHERE telegram_user_id = :user "
                + "AND status = 'JOINED' ORDER BY joined_at").bind("user", userId).map(MEMBERSHIP).list());
    }

    /** The people in a group now. */
    public List<Membership> in(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM group_memberships WHERE group_id = :group "
                + "AND status = 'JOINED' ORDER BY joined_at").bind("group", groupId).map(MEMBERSHIP).list());
    }

    public int count(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM group_memberships WHERE group_id = :group "
                + "AND status = 'JOINED'").bind("group", groupId).mapTo(Integer.class).one());
    }

    /** People who joined the group since a moment: the newcomers of a burst. */
    public List<Long> joinedSince(long groupId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT telegram_user_id FROM group_memberships WHERE group_id = :group "
                + "AND status = 'JOINED' AND joined_at >= :since ORDER BY joined_at").bind("group", groupId)
                .bind("since", since).mapTo(Long.class).list());
    }
}
