package org.ccin.store.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.ccin.store.plan.Progress;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Leads' answers: each one moves the action's traffic light (and a milestone, for Complete) and is kept as history,
 * in one transaction. Any answer counts as answering the lead's open reminders of that milestone. Thread-safe.
 */
public final class ProgressRepository {
    private static final RowMapper<ProgressUpdate> UPDATE = (rs, ctx) -> new ProgressUpdate(rs.getLong("id"),
            rs.getLong("action_id"), rs.getString("action_code"), Rows.number(rs, "milestone_id"),
            Rows.number(rs, "member_id"), Rows.text(rs, "first_name"), Answer.valueOf(rs.getString("answer")),
            Progress.valueOf(rs.getString("progress_before")), Progress.valueOf(rs.getString("progress_after")),
            Rows.text(rs, "note"), Rows.requiredInstant(rs, "created_at"));
    // an erased lead's answers keep an empty name: the bot shows them as by "a former lead"
    private static final String UPDATES = "SELECT u.*, a.code AS action_code, "
            + "CASE WHEN u.former_lead = 1 THEN '' ELSE m.first_name END AS first_name FROM progress_updates u "
            + "JOIN actions a ON a.id = u.action_id LEFT JOIN members m ON m.id = u.member_id ";

    private final Jdbi jdbi;
    private final Clock clock;

    public ProgressRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Records an answer. On track, At risk and Blocked set the action's traffic light. Complete marks the milestone
     * done, and the action complete when no milestone is left (otherwise on track). The others change no light.
     *
     * @param milestoneId the milestone the answer is about, when it is about one
     * @throws IllegalArgumentException when that milestone is not one of the action's (nothing is recorded)
     */
    public ProgressUpdate record(long actionId, Optional<Long> milestoneId, Optional<Long> memberId, Answer answer,
                                 Optional<String> note) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Progress before = Progress.valueOf(h.createQuery("SELECT progress FROM actions WHERE id = :id")
                    .bind("id", actionId).mapTo(String.class).one());
            if (milestoneId.isPresent() && h.createQuery("SELECT count(*) FROM milestones WHERE id = :id AND "
                    + "action_id = :action").bind("id", milestoneId.get()).bind("action", actionId)
                    .mapTo(Integer.class).one() == 0) {
                // a history row naming another action's milestone would show the answer under the wrong action
                throw new IllegalArgumentException("milestone " + milestoneId.get() + " is not of action " + actionId);
            }
            if (answer == Answer.COMPLETE && milestoneId.isPresent()) {
                h.createUpdate("UPDATE milestones SET done = 1 WHERE id = :id AND action_id = :action")
                        .bind("id", milestoneId.get()).bind("action", actionId).execute();
            }
            Progress after = after(h, actionId, before, answer);
            if (after != before || isTrafficLight(answer)) {
                h.createUpdate("UPDATE actions SET progress = :progress, progress_updated_at = :now WHERE id = :id")
                        .bind("progress", after.name()).bind("now", now).bind("id", actionId).execute();
            }
            long id = h.createUpdate("""
                    INSERT INTO progress_updates (action_id, milestone_id, member_id, answer, progress_before,
                                                  progress_after, note, created_at)
                    VALUES (:action, :milestone, :member, :answer, :before, :after, :note, :now)
                    """).bind("action", actionId).bind("milestone", milestoneId.orElse(null))
                    .bind("member", memberId.orElse(null)).bind("answer", answer.name()).bind("before", before.name())
                    .bind("after", after.name()).bind("note", note.orElse(null)).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (memberId.isPresent()) {
                h.createUpdate("UPDATE reminders SET answered_at = :now WHERE member_id = :member AND answered_at IS NULL "
                        + "AND (milestone_id = :milestone OR (:milestone IS NULL AND action_id = :action))")
                        .bind("now", now).bind("member", memberId.get()).bind("milestone", milestoneId.orElse(null))
                        .bind("action", actionId).execute();
            }
            return h.createQuery(UPDATES + "WHERE u.id = :id").bind("id", id).map(UPDATE).one();
        });
    }

    private static boolean isTrafficLight(Answer answer) {
        return answer == Answer.ON_TRACK || answer == Answer.AT_RISK || answer == Answer.BLOCKED
                || answer == Answer.COMPLETE;
    }

    private static Progress after(Handle h, long actionId, Progress before, Answer answer) {
        switch (answer) {
            case ON_TRACK:
                return Progress.ON_TRACK;
            case AT_RISK:
                return Progress.AT_RISK;
            case BLOCKED:
                return Progress.BLOCKED;
            case COMPLETE:
                int open = h.createQuery("SELECT count(*) FROM milestones WHERE action_id = :id AND done = 0")
                        .bind("id", actionId).mapTo(Integer.class).one();
                return open == 0 ? Progress.COMPLETE : Progress.ON_TRACK;
            default:
                return before;
        }
    }

    /** An action's history, newest first. */
    public List<ProgressUpdate> history(long actionId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(UPDATES + "WHERE u.action_id = :action ORDER BY u.created_at DESC, "
                + "u.id DESC LIMIT :limit").bind("action", actionId).bind("limit", limit).map(UPDATE).list());
    }

    /** Every answer since a time, oldest first (the weekly digest's "what changed"). */
    public List<ProgressUpdate> since(Instant from) {
        return jdbi.withHandle(h -> h.createQuery(UPDATES + "WHERE u.created_at >= :from ORDER BY u.created_at, u.id")
                .bind("from", from).map(UPDATE).list());
    }
}
