package org.ccin.store.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The reminder slots already handled, snoozes, mutes and extra reminders: what the sweep reads to know what is
 * due, and writes (with the outbox message, in one transaction) so that a slot happens once. Thread-safe.
 */
public final class ReminderRepository {
    private static final RowMapper<ReminderTarget> TARGET = (rs, ctx) -> new ReminderTarget(rs.getLong("milestone_id"),
            rs.getLong("action_id"), LocalDate.parse(rs.getString("due_date")), rs.getLong("member_id"),
            rs.getLong("telegram_user_id"), rs.getString("language"), Rows.requiredInstant(rs, "linked_at"),
            Rows.instant(rs, "snoozed_at"), Rows.instant(rs, "until"));

    private final Jdbi jdbi;
    private final Clock clock;

    public ReminderRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** Whom to consider reminding: see {@link ReminderTarget}. People who blocked the bot are left out. */
    public List<ReminderTarget> targets() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT ms.id AS milestone_id, a.id AS action_id, ms.due_date, l.member_id, m.telegram_user_id,
                       m.language, l.linked_at, s.snoozed_at, s.until
                FROM milestones ms
                JOIN actions a ON a.id = ms.action_id
                JOIN plans p ON p.code = a.plan_code AND p.is_current = 1
                JOIN lead_links l ON l.action_id = a.id AND l.status = 'ACTIVE'
                JOIN members m ON m.id = l.member_id AND m.unreachable_at IS NULL
                LEFT JOIN reminder_snoozes s ON s.milestone_id = ms.id AND s.member_id = l.member_id
                WHERE ms.done = 0 AND ms.due_date IS NOT NULL AND a.progress <> 'COMPLETE'
                  AND NOT EXISTS (SELECT 1 FROM reminder_mutes r WHERE r.action_id = a.id)
                ORDER BY ms.due_date, ms.id, l.member_id
                """).map(TARGET).list());
    }

    /** The slots already handled, per milestone and member: {@code milestoneId:memberId} → slot times. */
    public Map<String, Set<Instant>> handledSlots() {
        Map<String, Set<Instant>> handled = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT milestone_id, member_id, slot_at FROM reminders")
                .map((rs, ctx) -> handled.computeIfAbsent(rs.getLong("milestone_id") + ":" + rs.getLong("member_id"),
                        k -> new HashSet<>()).add(Instant.ofEpochMilli(rs.getLong("slot_at")))).list());
        return handled;
    }

    /**
     * Records the due slots of one milestone for one lead and queues one message for the newest, in one
     * transaction; older slots (missed while the bot was down) are recorded as merged into it. A slot recorded
     * before is skipped, so running this twice sends nothing twice.
     *
     * @param slots the due slots, oldest first, with their kind
     * @return whether a message was queued
     */
    public boolean queue(ReminderTarget target, List<Slot> slots, OutboxMessage message) {
        if (slots.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int added = 0;
            for (int i = 0; i < slots.size(); i++) {
                boolean newest = i == slots.size() - 1;
                added += h.createUpdate("""
                        INSERT INTO reminders (milestone_id, action_id, member_id, slot_at, kind, status, dedupe_key,
                                               created_at)
                        VALUES (:milestone, :action, :member, :slot, :kind, :status, :key, :now)
                        ON CONFLICT (milestone_id, member_id, slot_at) DO NOTHING
                        """).bind("milestone", target.milestoneId()).bind("action", target.actionId())
                        .bind("member", target.memberId()).bind("slot", slots.get(i).at())
                        .bind("kind", slots.get(i).kind().name()).bind("status", newest ? "QUEUED" : "MERGED")
                        .bind("key", newest ? message.dedupeKey() : null).bind("now", now).execute();
            }
            if (added == 0) {
                return false;
            }
            return OutboxRepository.enqueue(h, List.of(message), OutboxStatus.PENDING, now) > 0;
        });
    }

    /** A due slot: when, and why. */
    public record Slot(Instant at, Kind kind) {
    }

    /** Why a slot exists. */
    public enum Kind { BEFORE, DUE, OVERDUE, SNOOZED, EXTRA }

    /** The reminder whose outbox message has this dedupe key. */
    public Optional<Long> reminderOf(String dedupeKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM reminders WHERE dedupe_key = :key")
                .bind("key", dedupeKey).mapTo(Long.class).findOne());
    }

    /** No reminder of this milestone for this member until then; then one. */
    public void snooze(long milestoneId, long memberId, Instant until) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO reminder_snoozes (milestone_id, member_id, snoozed_at, until) VALUES (:m, :member, :now, :until)
                ON CONFLICT (milestone_id, member_id) DO UPDATE SET snoozed_at = excluded.snoozed_at, until = excluded.until
                """).bind("m", milestoneId).bind("member", memberId).bind("now", now).bind("until", until).execute());
    }

    /** @return false when it was muted already */
    public boolean mute(long actionId, long staffId) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO reminder_mutes (action_id, muted_by, muted_at) "
                + "VALUES (:action, :by, :now) ON CONFLICT (action_id) DO NOTHING").bind("action", actionId)
                .bind("by", staffId).bind("now", clock.instant()).execute() > 0);
    }

    /** @return false when it was not muted */
    public boolean unmute(long actionId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reminder_mutes WHERE action_id = :action")
                .bind("action", actionId).execute() > 0);
    }

    public boolean isMuted(long actionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reminder_mutes WHERE action_id = :action")
                .bind("action", actionId).mapTo(Integer.class).one() > 0);
    }

    /** A reminder staff add for one action, beyond the policy. */
    public void addExtra(long actionId, Instant at, long staffId) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO extra_reminders (action_id, at, created_by, created_at) "
                + "VALUES (:action, :at, :by, :now)").bind("action", actionId).bind("at", at).bind("by", staffId)
                .bind("now", clock.instant()).execute());
    }

    /** Extra reminders, per action. */
    public Map<Long, List<Instant>> extras() {
        Map<Long, List<Instant>> extras = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT action_id, at FROM extra_reminders ORDER BY at")
                .map((rs, ctx) -> extras.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
                        .add(Instant.ofEpochMilli(rs.getLong("at")))).list());
        return extras;
    }

    /** Extra reminders of one action still to come. */
    public List<Instant> upcomingExtras(long actionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at FROM extra_reminders WHERE action_id = :action AND at > :now "
                + "ORDER BY at").bind("action", actionId).bind("now", clock.instant()).mapTo(Instant.class).list());
    }

    /**
     * Reminders delivered before {@code sentBefore}, not answered and not yet passed to staff, whose lead is still
     * linked and whose milestone is not done.
     */
    public List<UnansweredReminder> unanswered(Instant sentBefore) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.id, r.milestone_id, r.action_id, r.member_id, m.first_name, o.sent_at
                FROM reminders r JOIN outbox o ON o.dedupe_key = r.dedupe_key
                JOIN members m ON m.id = r.member_id
                JOIN milestones ms ON ms.id = r.milestone_id
                JOIN lead_links l ON l.action_id = r.action_id AND l.member_id = r.member_id AND l.status = 'ACTIVE'
                WHERE r.status = 'QUEUED' AND r.answered_at IS NULL AND r.escalated_at IS NULL AND ms.done = 0
                  AND o.status = 'SENT' AND o.sent_at <= :before
                ORDER BY r.id
                """).bind("before", sentBefore).map((rs, ctx) -> new UnansweredReminder(rs.getLong("id"),
                rs.getLong("milestone_id"), rs.getLong("action_id"), rs.getLong("member_id"),
                rs.getString("first_name"), Rows.requiredInstant(rs, "sent_at"))).list());
    }

    /** Staff were told about an unanswered reminder: once. @return false when someone else did it first */
    public boolean markEscalated(long reminderId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE reminders SET escalated_at = :now WHERE id = :id "
                + "AND escalated_at IS NULL").bind("now", clock.instant()).bind("id", reminderId).execute() > 0);
    }
}
