package org.ccin.store.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Join requests and the personal invite links that create them. Thread-safe. */
public final class JoinRequestRepository {
    private static final RowMapper<JoinRequest> REQUEST = (rs, ctx) -> new JoinRequest(rs.getLong("id"),
            rs.getLong("group_id"), rs.getLong("telegram_user_id"), Rows.requiredInstant(rs, "requested_at"),
            Rows.text(rs, "invite_link"), JoinRequest.Status.valueOf(rs.getString("status")), Rows.text(rs, "reason"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JoinRequestRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Records a request; a second request of the same person for the same group while one is pending is the same
     * request (Telegram sends one per person and chat).
     */
    public JoinRequest record(long groupId, long userId, Optional<String> inviteLink) {
        return jdbi.inTransaction(h -> {
            Optional<JoinRequest> pending = h.createQuery("SELECT * FROM join_requests WHERE group_id = :group "
                    + "AND telegram_user_id = :user AND status = 'PENDING'").bind("group", groupId).bind("user", userId)
                    .map(REQUEST).findOne();
            if (pending.isPresent()) {
                return pending.get();
            }
            long id = h.createUpdate("INSERT INTO join_requests (group_id, telegram_user_id, requested_at, invite_link, "
                    + "status) VALUES (:group, :user, :now, :link, 'PENDING')").bind("group", groupId).bind("user", userId)
                    .bind("now", clock.instant()).bind("link", inviteLink.orElse(null))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery("SELECT * FROM join_requests WHERE id = :id").bind("id", id).map(REQUEST).one();
        });
    }

    public Optional<JoinRequest> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM join_requests WHERE id = :id").bind("id", id)
                .map(REQUEST).findOne());
    }

    public Optional<JoinRequest> pending(long groupId, long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM join_requests WHERE group_id = :group "
                + "AND telegram_user_id = :user AND status = 'PENDING'").bind("group", groupId).bind("user", userId)
                .map(REQUEST).findOne());
    }

    /** The person's requests still waiting, oldest first. */
    public List<JoinRequest> pendingOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM join_requests WHERE telegram_user_id = :user "
                + "AND status = 'PENDING' ORDER BY requested_at, id").bind("user", userId).map(REQUEST).list());
    }

    /** Decides a pending request; false when it was no longer pending (decided already, by someone else). */
    public boolean decide(long id, JoinRequest.Status status, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE join_requests SET status = :status, reason = :reason, "
                + "decided_at = :now WHERE id = :id AND status = 'PENDING'").bind("status", status.name())
                .bind("reason", reason).bind("now", clock.instant()).bind("id", id).execute()) == 1;
    }

    /** Pending requests older than the given moment. */
    public List<JoinRequest> pendingSince(Instant before) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM join_requests WHERE status = 'PENDING' "
                + "AND requested_at < :before ORDER BY requested_at").bind("before", before).map(REQUEST).list());
    }

    public void saveLink(String link, long groupId, long userId, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT OR REPLACE INTO invite_links (link, group_id, telegram_user_id, "
                + "created_at, expires_at) VALUES (:link, :group, :user, :now, :expires)").bind("link", link)
                .bind("group", groupId).bind("user", userId).bind("now", clock.instant()).bind("expires", expiresAt)
                .execute());
    }

    /** Whose personal link this is, if the bot made it. */
    public Optional<Long> linkOwner(String link) {
        return jdbi.withHandle(h -> h.createQuery("SELECT telegram_user_id FROM invite_links WHERE link = :link")
                .bind("link", link).mapTo(Long.class).findOne());
    }
}
