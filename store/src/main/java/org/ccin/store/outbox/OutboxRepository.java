package org.ccin.store.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable outbox. Enqueueing is idempotent by dedupe key; rows are claimed (PENDING → SENDING) in one
 * transaction before their call is made, and settled after. Thread-safe.
 */
public final class OutboxRepository {
    private static final RowMapper<OutboxRow> ROW = (rs, ctx) -> new OutboxRow(rs.getLong("id"),
            rs.getString("dedupe_key"), OutboxLane.valueOf(rs.getString("lane")), rs.getString("kind"),
            rs.getLong("ref_id"), rs.getLong("chat_id"), rs.getString("payload"),
            OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
            Rows.requiredInstant(rs, "not_before"), Rows.requiredInstant(rs, "created_at"),
            Rows.instant(rs, "sent_at"), Rows.number(rs, "telegram_message_id").map(Long::intValue),
            Rows.text(rs, "error"));

    private final Jdbi jdbi;
    private final Clock clock;

    public OutboxRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Adds messages in one transaction; a dedupe key seen before is skipped. @return how many were new */
    public int enqueue(List<OutboxMessage> messages) {
        return jdbi.inTransaction(h -> enqueue(h, messages, OutboxStatus.PENDING, clock.instant()));
    }

    /** The same inside the caller's transaction (e.g. with the broadcast that creates them). */
    public static int enqueue(Handle h, List<OutboxMessage> messages, OutboxStatus status, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO outbox (dedupe_key, lane, kind, ref_id, chat_id, payload, status, not_before,
                                    created_at, updated_at)
                VALUES (:dedupeKey, :lane, :kind, :refId, :chatId, :payload, :status, :notBefore, :now, :now)
                ON CONFLICT (dedupe_key) DO NOTHING
                """);
        for (OutboxMessage message : messages) {
            batch.bindMethods(message).bind("lane", message.lane().name()).bind("status", status.name())
                    .bind("now", now).add();
        }
        int added = 0;
        for (int count : batch.execute()) {
            added += count;
        }
        return added;
    }

    /** Takes up to {@code limit} due messages of a lane, oldest first, marking them SENDING (attempts + 1). */
    public List<OutboxRow> claim(OutboxLane lane, int limit) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("""
                    SELECT id FROM outbox WHERE status = 'PENDING' AND lane = :lane AND not_before <= :now
                    ORDER BY not_before, id LIMIT :limit
                    """).bind("lane", lane.name()).bind("now", now).bind("limit", limit).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            h.createUpdate("UPDATE outbox SET status = 'SENDING', attempts = attempts + 1, updated_at = :now "
                    + "WHERE id IN (<ids>)").bindList("ids", ids).bind("now", now).execute();
            return h.createQuery("SELECT * FROM outbox WHERE id IN (<ids>) ORDER BY not_before, id")
                    .bindList("ids", ids).map(ROW).list();
        });
    }

    public void markSent(long id, Optional<Integer> messageId) {
        settle(id, OutboxStatus.SENT, null, messageId.orElse(null));
    }

    public void markFailed(long id, OutboxStatus status, String error) {
        settle(id, status, error, null);
    }

    /**
     * The bot stopped before the message went out: it waits for the next start. A row whose call was made once (and
     * is being retried) stays SENDING, so that the next start applies the crash rule to it (sent again and marked as
     * possibly repeated, see {@link #resolveInterrupted}) instead of taking it for one never sent.
     */
    public void release(long id) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox SET status = 'PENDING', attempts = max(attempts - 1, 0), updated_at = :now
                WHERE id = :id AND status = 'SENDING' AND called_at IS NULL
                """).bind("id", id).bind("now", clock.instant()).execute());
    }

    private void settle(long id, OutboxStatus status, String error, Integer messageId) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE outbox SET status = :status, error = :error, telegram_message_id = :messageId,
                    sent_at = CASE WHEN :status = 'SENT' THEN :now ELSE sent_at END, updated_at = :now
                WHERE id = :id
                """).bind("status", status.name()).bind("error", error).bind("messageId", messageId)
                .bind("now", now).bind("id", id).execute());
    }

    /**
     * The Bot API call of a claimed row is about to be made. @return false when the row was taken back meanwhile
     * (its broadcast paused or cancelled), or taken back and claimed again (paused and resumed): then this claim's
     * call must not be made. A claim is told from a later one by its attempt count, which each claim raises.
     */
    public boolean markCalled(OutboxRow claimed) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbox SET called_at = :now WHERE id = :id "
                + "AND status = 'SENDING' AND attempts = :attempts").bind("now", clock.instant())
                .bind("id", claimed.id()).bind("attempts", claimed.attempts()).execute()) == 1;
    }

    /** What {@link #resolveInterrupted} did at start. */
    public record Interrupted(int requeued, int resent) {
    }

    /**
     * At start: rows left SENDING by a process that died. Those whose call was never made were only waiting in the
     * bot's queue: they go back to PENDING. Those whose call was made may or may not have arrived: they are sent
     * again, whatever their kind, and marked {@code resent_after_crash} (the person may get it twice). A lost
     * reminder costs a missed milestone; a second copy costs a glance.
     */
    public Interrupted resolveInterrupted() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int requeued = h.createUpdate("UPDATE outbox SET status = 'PENDING', attempts = max(attempts - 1, 0), "
                    + "updated_at = :now WHERE status = 'SENDING' AND called_at IS NULL").bind("now", now).execute();
            int resent = h.createUpdate("UPDATE outbox SET status = 'PENDING', called_at = NULL, updated_at = :now, "
                    + "resent_after_crash = 1, error = 'sent again: the bot stopped while it was being sent' "
                    + "WHERE status = 'SENDING'").bind("now", now).execute();
            return new Interrupted(requeued, resent);
        });
    }

    /** What {@link #resolveLeftUncertain} did at start. */
    public record LeftUncertain(int resent, int retired) {
    }

    /**
     * At start: rows an older version of the bot left UNCERTAIN after a crash (it neither sent them again nor told
     * anyone, so reminders were lost). They get today's rule, sent again and marked {@code resent_after_crash},
     * when they were left at most {@code worthSending} ago; older ones are settled DEAD with the reason, since a
     * reminder or a reply weeks late helps nobody (a newer reminder has come since). Once done there are none left.
     */
    public LeftUncertain resolveLeftUncertain(Duration worthSending) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int resent = h.createUpdate("UPDATE outbox SET status = 'PENDING', called_at = NULL, updated_at = :now, "
                    + "resent_after_crash = 1, error = 'sent again: an older version left it uncertain after a crash' "
                    + "WHERE status = 'UNCERTAIN' AND updated_at >= :since").bind("now", now)
                    .bind("since", now.minus(worthSending)).execute();
            int retired = h.createUpdate("UPDATE outbox SET status = 'DEAD', updated_at = :now, "
                    + "error = 'left uncertain by an older version after a crash; too old to send again' "
                    + "WHERE status = 'UNCERTAIN'").bind("now", now).execute();
            return new LeftUncertain(resent, retired);
        });
    }

    /** How many messages of one thing were sent again after a crash, and so may have arrived twice. */
    public int resentAfterCrash(String kind, long refId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE kind = :kind AND ref_id = :ref "
                + "AND resent_after_crash = 1").bind("kind", kind).bind("ref", refId).mapTo(Integer.class).one());
    }

    /** Moves a feature's messages from one status to another (hold, release, cancel). @return how many */
    public int move(String kind, long refId, OutboxStatus from, OutboxStatus to) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbox SET status = :to, updated_at = :now "
                + "WHERE kind = :kind AND ref_id = :ref AND status = :from").bind("to", to.name())
                .bind("from", from.name()).bind("kind", kind).bind("ref", refId).bind("now", clock.instant())
                .execute());
    }

    /** How many messages of one thing stand at each status (a broadcast's delivery report). */
    public Map<OutboxStatus, Integer> counts(String kind, long refId) {
        Map<OutboxStatus, Integer> counts = new EnumMap<>(OutboxStatus.class);
        jdbi.useHandle(h -> h.createQuery("SELECT status, count(*) AS n FROM outbox WHERE kind = :kind AND ref_id = :ref "
                + "GROUP BY status").bind("kind", kind).bind("ref", refId)
                .map((rs, ctx) -> counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getInt("n"))).list());
        return counts;
    }

    /** Messages waiting to be sent, per lane (a metric). */
    public Map<OutboxLane, Integer> depth() {
        Map<OutboxLane, Integer> depth = new EnumMap<>(OutboxLane.class);
        jdbi.useHandle(h -> h.createQuery("SELECT lane, count(*) AS n FROM outbox WHERE status = 'PENDING' GROUP BY lane")
                .map((rs, ctx) -> depth.put(OutboxLane.valueOf(rs.getString("lane")), rs.getInt("n"))).list());
        return depth;
    }

    public Optional<OutboxRow> find(String dedupeKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE dedupe_key = :key")
                .bind("key", dedupeKey).map(ROW).findOne());
    }

    public List<OutboxRow> byRef(String kind, long refId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM outbox WHERE kind = :kind AND ref_id = :ref ORDER BY id")
                .bind("kind", kind).bind("ref", refId).map(ROW).list());
    }

    /** When the next PENDING message of a lane becomes due, if any. */
    public Optional<Instant> nextDue(OutboxLane lane) {
        return jdbi.withHandle(h -> h.createQuery("SELECT min(not_before) FROM outbox WHERE status = 'PENDING' "
                + "AND lane = :lane").bind("lane", lane.name()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }
}
