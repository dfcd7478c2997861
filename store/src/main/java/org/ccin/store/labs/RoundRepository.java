package org.ccin.store.labs;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The funding rounds and who reviews each. Thread-safe. */
public final class RoundRepository {
    static final RowMapper<Round> ROUND = (rs, ctx) -> new Round(rs.getLong("id"), RoundKind.valueOf(rs.getString("kind")),
            rs.getLong("budget"), rs.getLong("max_award"), Rows.requiredInstant(rs, "opens_at"),
            Rows.requiredInstant(rs, "closes_at"), lines(rs.getString("questions")), lines(rs.getString("criteria")),
            rs.getString("topic"), rs.getLong("created_by"), Rows.requiredInstant(rs, "created_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public RoundRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Round create(NewRound round) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO lab_rounds (kind, budget, max_award, opens_at, closes_at, questions, topic, created_by,
                                            created_at)
                    VALUES (:kind, :budget, :max, :opens, :closes, :questions, :topic, :by, :now)
                    """).bind("kind", round.kind().name()).bind("budget", round.budget()).bind("max", round.maxAward())
                    .bind("opens", round.opensAt()).bind("closes", round.closesAt())
                    .bind("questions", String.join("\n", round.questions())).bind("topic", round.topic())
                    .bind("by", round.createdBy()).bind("now", clock.instant())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createQuery("SELECT * FROM lab_rounds WHERE id = :id").bind("id", id).map(ROUND).one();
        });
    }

    public Optional<Round> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lab_rounds WHERE id = :id").bind("id", id)
                .map(ROUND).findOne());
    }

    /** Every round, newest first. */
    public List<Round> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lab_rounds ORDER BY opens_at DESC, id DESC")
                .map(ROUND).list());
    }

    /** The rounds taking applications at this instant, closing soonest first. */
    public List<Round> openAt(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM lab_rounds WHERE opens_at <= :now AND closes_at > :now ORDER BY closes_at, id
                """).bind("now", now).map(ROUND).list());
    }

    /**
     * Replaces what reviewers score against (one criterion per entry, blank ones dropped), until the first score:
     * a score names its criterion by position, so new criteria would take over old scores.
     *
     * @return false when there is no such round, or an application of it is scored already and the criteria would
     *         change (setting the same ones again is no change)
     */
    public boolean setCriteria(long roundId, List<String> criteria) {
        String text = String.join("\n", criteria.stream().map(String::strip).filter(c -> !c.isEmpty()).toList());
        return jdbi.inTransaction(h -> {
            Optional<String> now = h.createQuery("SELECT criteria FROM lab_rounds WHERE id = :id").bind("id", roundId)
                    .mapTo(String.class).findOne();
            if (now.isEmpty()) {
                return false;
            }
            if (now.get().equals(text)) {
                return true;
            }
            if (hasScores(h, roundId)) {
                return false;
            }
            return h.createUpdate("UPDATE lab_rounds SET criteria = :criteria WHERE id = :id")
                    .bind("criteria", text).bind("id", roundId).execute() == 1;
        });
    }

    /** Whether any application of the round has a score (its criteria are then fixed). */
    public boolean hasScores(long roundId) {
        return jdbi.withHandle(h -> hasScores(h, roundId));
    }

    private static boolean hasScores(Handle h, long roundId) {
        return h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM lab_scores s JOIN lab_applications a ON a.id = s.application_id
                               WHERE a.round_id = :round)
                """).bind("round", roundId).mapTo(Boolean.class).one();
    }

    /** @return false when they already review it */
    public boolean addReviewer(long roundId, long telegramUserId, long addedBy) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO lab_reviewers (round_id, telegram_user_id, added_by, added_at)
                VALUES (:round, :user, :by, :now) ON CONFLICT DO NOTHING
                """).bind("round", roundId).bind("user", telegramUserId).bind("by", addedBy)
                .bind("now", clock.instant()).execute()) == 1;
    }

    /** Ends someone's review of a round; their next tap or page finds it closed. @return false when they did not review it */
    public boolean removeReviewer(long roundId, long telegramUserId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                DELETE FROM lab_reviewers WHERE round_id = :round AND telegram_user_id = :user
                """).bind("round", roundId).bind("user", telegramUserId).execute()) == 1;
    }

    public boolean isReviewer(long roundId, long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM lab_reviewers WHERE round_id = :round AND telegram_user_id = :user
                """).bind("round", roundId).bind("user", telegramUserId).mapTo(Integer.class).one()) > 0;
    }

    /** Whether this person was named to review any round. */
    public boolean isAnyReviewer(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM lab_reviewers WHERE "
                + "telegram_user_id = :user)").bind("user", telegramUserId).mapTo(Boolean.class).one());
    }

    /** The rounds this person was named to review, newest first. */
    public List<Round> reviewedBy(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.* FROM lab_rounds r JOIN lab_reviewers v ON v.round_id = r.id
                WHERE v.telegram_user_id = :user ORDER BY r.opens_at DESC, r.id DESC
                """).bind("user", telegramUserId).map(ROUND).list());
    }

    public List<Long> reviewers(long roundId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT telegram_user_id FROM lab_reviewers WHERE round_id = :round ORDER BY added_at
                """).bind("round", roundId).mapTo(Long.class).list());
    }

    /** The budget not yet granted: the round's budget less what its funded applications were awarded. */
    public long budgetLeft(long roundId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.budget - coalesce((SELECT sum(a.awarded) FROM lab_applications a
                                            WHERE a.round_id = r.id AND a.status = 'FUNDED'), 0)
                FROM lab_rounds r WHERE r.id = :round
                """).bind("round", roundId).mapTo(Long.class).findOne().orElse(0L));
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
