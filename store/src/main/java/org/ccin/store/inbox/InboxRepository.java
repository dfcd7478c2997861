package org.ccin.store.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable inbox of updates. An update is stored before Telegram is told we have it; a redelivered update_id
 * is ignored, so each update is handled once. Thread-safe.
 */
public final class InboxRepository {
    private static final RowMapper<StoredUpdate> STORED = (rs, ctx) -> new StoredUpdate(
            rs.getLong("update_id"), rs.getLong("chat_key"), rs.getString("kind"), rs.getString("payload"),
            Rows.requiredInstant(rs, "received_at"), InboxStatus.valueOf(rs.getString("status")));

    private final Jdbi jdbi;
    private final Clock clock;

    public InboxRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Stores a batch in one transaction.
     *
     * @return how many of them were new (the others had been stored before)
     */
    public int store(List<IncomingUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO inbox (update_id, chat_key, kind, payload, received_at, status, error)
                    VALUES (:updateId, :chatKey, :kind, :payload, :now, :status, :error)
                    ON CONFLICT (update_id) DO NOTHING
                    """);
            for (IncomingUpdate update : updates) {
                batch.bind("updateId", update.updateId()).bind("chatKey", update.chatKey()).bind("kind", update.kind())
                        .bind("payload", update.payload()).bind("status", update.status().name())
                        .bind("error", update.unreadable().orElse(null)).bind("now", now).add();
            }
            int inserted = 0;
            for (int count : batch.execute()) {
                inserted += count;
            }
            return inserted;
        });
    }

    /** Pending updates, oldest first. */
    public List<StoredUpdate> pending(long afterUpdateId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM inbox WHERE status = 'PENDING' AND update_id > :after ORDER BY update_id LIMIT :limit
                """).bind("after", afterUpdateId).bind("limit", limit).map(STORED).list());
    }

    public void markProcessed(long updateId, InboxStatus status, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE inbox SET status = :status, outcome = :outcome, processed_at = :now WHERE update_id = :id
                """).bind("status", status.name()).bind("outcome", outcome).bind("now", clock.instant())
                .bind("id", updateId).execute());
    }

    /** The newest updates in words (id, kind, chat, status, outcome), newest first: for diagnosing a test or an incident. */
    public List<String> describeNewest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT update_id, kind, chat_key, status, outcome FROM inbox ORDER BY update_id DESC LIMIT :limit
                """).bind("limit", limit).map((rs, ctx) -> rs.getLong("update_id") + " " + rs.getString("kind")
                + " chat " + rs.getLong("chat_key") + " " + rs.getString("status")
                + (rs.getString("outcome") == null ? "" : ": " + rs.getString("outcome"))).list());
    }

    public InboxStatus status(long updateId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM inbox WHERE update_id = :id")
                .bind("id", updateId).mapTo(String.class).findOne().map(InboxStatus::valueOf)
                .orElseThrow(() -> new IllegalArgumentException("update " + updateId + " is not in the inbox")));
    }

    /** When the oldest update still waiting to be handled arrived: how far behind the bot is. */
    public Optional<Instant> oldestPendingReceivedAt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT min(received_at) FROM inbox WHERE status = 'PENDING'")
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    /** Updates kept unread since a time, oldest first (the staff's daily line). */
    public List<QuarantinedUpdate> quarantinedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT update_id, kind, received_at, error FROM inbox
                WHERE status = 'QUARANTINED' AND received_at >= :since ORDER BY update_id LIMIT :limit
                """).bind("since", since).bind("limit", limit).map((rs, ctx) -> new QuarantinedUpdate(
                rs.getLong("update_id"), rs.getString("kind"), Rows.requiredInstant(rs, "received_at"),
                rs.getString("error"))).list());
    }

    public int countQuarantinedSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM inbox WHERE status = 'QUARANTINED' AND received_at >= :since")
                .bind("since", since).mapTo(Integer.class).one());
    }

    public int countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM inbox WHERE status = 'PENDING'")
                .mapTo(Integer.class).one());
    }
}
