package org.ccin.store.labs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Applications to funding rounds: drafts and their answers, submission before the round closes, reviewers' scores
 * and comments, and the decision, which never grants beyond the round's maximum or what is left of its budget.
 * Every check that guards a change is made in the transaction that changes it. Thread-safe.
 */
public final class ApplicationRepository {
    private record Row(long id, long roundId, long memberId, long telegramUserId, Optional<Long> organisationId,
                       ApplicationStatus status, Optional<Long> awarded, Optional<String> reason,
                       Optional<Instant> decidedAt, Optional<Long> actionId, Optional<Long> caseStudyId,
                       Instant createdAt, Optional<Instant> submittedAt) {
    }

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("round_id"),
            rs.getLong("member_id"), rs.getLong("telegram_user_id"), Rows.number(rs, "organisation_id"),
            ApplicationStatus.valueOf(rs.getString("status")), Rows.number(rs, "awarded"), Rows.text(rs, "reason"),
            Rows.instant(rs, "decided_at"), Rows.number(rs, "action_id"), Rows.number(rs, "case_study_id"),
            Rows.requiredInstant(rs, "created_at"), Rows.instant(rs, "submitted_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public ApplicationRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** The member's application to the round: the one they have, or a new draft. */
    public Application startOrFind(long roundId, long memberId, long telegramUserId, Optional<Long> organisationId) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            h.createUpdate("""
                    INSERT INTO lab_applications (round_id, member_id, telegram_user_id, organisation_id, created_at,
                                                  updated_at)
                    VALUES (:round, :member, :user, :org, :now, :now) ON CONFLICT (round_id, member_id) DO NOTHING
                    """).bind("round", roundId).bind("member", memberId).bind("user", telegramUserId)
                    .bind("org", organisationId.orElse(null)).bind("now", now).execute();
            Row row = h.createQuery("SELECT * FROM lab_applications WHERE round_id = :round AND member_id = :member")
                    .bind("round", roundId).bind("member", memberId).map(ROW).one();
            return hydrate(h, row);
        });
    }

    public Optional<Application> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lab_applications WHERE id = :id").bind("id", id)
                .map(ROW).findOne().map(row -> hydrate(h, row)));
    }

    /** A person's applications, newest first. */
    public List<Application> ofPerson(long telegramUserId) {
        return list("WHERE telegram_user_id = :user ORDER BY id DESC", Map.of("user", telegramUserId));
    }

    /** What reviewers see of a round: the submitted and decided applications, in the order they came in. */
    public List<Application> submittedTo(long roundId) {
        return list("WHERE round_id = :round AND status <> 'DRAFT' ORDER BY submitted_at, id", Map.of("round", roundId));
    }

    /** Unfinished drafts of a round (whom to remind before it closes). */
    public List<Application> draftsOf(long roundId) {
        return list("WHERE round_id = :round AND status = 'DRAFT' ORDER BY id", Map.of("round", roundId));
    }

    /** The funded applications of every round. */
    public List<Application> funded() {
        return list("WHERE status = 'FUNDED' ORDER BY decided_at, id", Map.of());
    }

    private List<Application> list(String where, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT * FROM lab_applications " + where);
            binds.forEach(query::bind);
            return query.map(ROW).list().stream().map(row -> hydrate(h, row)).toList();
        });
    }

    private static Application hydrate(Handle h, Row row) {
        Map<String, String> answers = new LinkedHashMap<>();
        h.createQuery("SELECT question, answer FROM lab_answers WHERE application_id = :id ORDER BY rowid")
                .bind("id", row.id()).map((rs, ctx) -> answers.put(rs.getString("question"), rs.getString("answer")))
                .list();
        return new Application(row.id(), row.roundId(), row.memberId(), row.telegramUserId(), row.organisationId(),
                row.status(), row.awarded(), row.reason(), row.decidedAt(), row.actionId(), row.caseStudyId(),
                row.createdAt(), row.submittedAt(), answers);
    }

    /**
     * Adds a piece of a draft's answer (a long answer comes in several messages): joined to what is there by a blank
     * line, nothing cut.
     *
     * @return false when it is not a draft any more
     */
    public boolean appendAnswer(long applicationId, String question, String text) {
        return jdbi.inTransaction(h -> {
            if (!isDraft(h, applicationId)) {
                return false;
            }
            Instant now = clock.instant();
            h.createUpdate("""
                    INSERT INTO lab_answers (application_id, question, answer, updated_at) VALUES (:id, :q, :text, :now)
                    ON CONFLICT (application_id, question) DO UPDATE SET
                        answer = CASE WHEN lab_answers.answer = '' THEN excluded.answer
                                      ELSE lab_answers.answer || char(10) || char(10) || excluded.answer END,
                        updated_at = excluded.updated_at
                    """).bind("id", applicationId).bind("q", question).bind("text", text).bind("now", now).execute();
            touch(h, applicationId, now);
            return true;
        });
    }

    /** Replaces a draft's answer (an amount, or an answer started again when empty). */
    public boolean setAnswer(long applicationId, String question, String text) {
        return jdbi.inTransaction(h -> {
            if (!isDraft(h, applicationId)) {
                return false;
            }
            Instant now = clock.instant();
            h.createUpdate("""
                    INSERT INTO lab_answers (application_id, question, answer, updated_at) VALUES (:id, :q, :text, :now)
                    ON CONFLICT (application_id, question) DO UPDATE SET answer = excluded.answer,
                        updated_at = excluded.updated_at
                    """).bind("id", applicationId).bind("q", question).bind("text", text).bind("now", now).execute();
            touch(h, applicationId, now);
            return true;
        });
    }

    private static boolean isDraft(Handle h, long applicationId) {
        return h.createQuery("SELECT status FROM lab_applications WHERE id = :id").bind("id", applicationId)
                .mapTo(String.class).findOne().filter("DRAFT"::equals).isPresent();
    }

    private static void touch(Handle h, long applicationId, Instant now) {
        h.createUpdate("UPDATE lab_applications SET updated_at = :now WHERE id = :id").bind("now", now)
                .bind("id", applicationId).execute();
    }

    /** Submits a draft while its round is open; after the closing time it stays a draft. */
    public Submission submit(long applicationId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            if (!isDraft(h, applicationId)) {
                return Submission.NOT_A_DRAFT;
            }
            int changed = h.createUpdate("""
                    UPDATE lab_applications SET status = 'SUBMITTED', submitted_at = :now, updated_at = :now
                    WHERE id = :id AND status = 'DRAFT' AND EXISTS (SELECT 1 FROM lab_rounds r
                        WHERE r.id = lab_applications.round_id AND r.opens_at <= :now AND r.closes_at > :now)
                    """).bind("now", now).bind("id", applicationId).execute();
            return changed == 1 ? Submission.SUBMITTED : Submission.ROUND_CLOSED;
        });
    }

    /** Deletes a draft with its answers; a submitted application stays. */
    public boolean deleteDraft(long applicationId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM lab_applications WHERE id = :id AND status = 'DRAFT'")
                .bind("id", applicationId).execute()) == 1;
    }

    /**
     * Funds a submitted application with {@code amount} pounds, when that is positive, within the round's maximum and
     * within what is left of its budget (read in the same transaction, so two decisions at once cannot overspend).
     */
    public Decision fund(long applicationId, long amount, long decidedBy) {
        if (amount <= 0) {
            return Decision.NOT_POSITIVE;
        }
        return jdbi.inTransaction(h -> {
            Optional<Row> row = h.createQuery("SELECT * FROM lab_applications WHERE id = :id")
                    .bind("id", applicationId).map(ROW).findOne();
            if (row.isEmpty() || row.get().status() != ApplicationStatus.SUBMITTED) {
                return Decision.NOT_SUBMITTED;
            }
            Round round = h.createQuery("SELECT * FROM lab_rounds WHERE id = :id").bind("id", row.get().roundId())
                    .map(RoundRepository.ROUND).one();
            if (amount > round.maxAward()) {
                return Decision.OVER_MAXIMUM;
            }
            long granted = h.createQuery("""
                    SELECT coalesce(sum(awarded), 0) FROM lab_applications WHERE round_id = :round AND status = 'FUNDED'
                    """).bind("round", round.id()).mapTo(Long.class).one();
            if (granted + amount > round.budget()) {
                return Decision.OVER_BUDGET;
            }
            decide(h, applicationId, ApplicationStatus.FUNDED, amount, null, decidedBy);
            return Decision.DECIDED;
        });
    }

    /** Turns down a submitted application, with the reason the applicant is told. */
    public Decision decline(long applicationId, String reason, long decidedBy) {
        return jdbi.inTransaction(h -> {
            Optional<String> status = h.createQuery("SELECT status FROM lab_applications WHERE id = :id")
                    .bind("id", applicationId).mapTo(String.class).findOne();
            if (status.isEmpty() || !status.get().equals("SUBMITTED")) {
                return Decision.NOT_SUBMITTED;
            }
            decide(h, applicationId, ApplicationStatus.NOT_FUNDED, null, reason, decidedBy);
            return Decision.DECIDED;
        });
    }

    private void decide(Handle h, long applicationId, ApplicationStatus status, Long amount, String reason,
                        long decidedBy) {
        Instant now = clock.instant();
        h.createUpdate("""
                UPDATE lab_applications SET status = :status, awarded = :amount, reason = :reason, decided_by = :by,
                    decided_at = :now, updated_at = :now WHERE id = :id
                """).bind("status", status.name()).bind("amount", amount).bind("reason", reason).bind("by", decidedBy)
                .bind("now", now).bind("id", applicationId).execute();
    }

    /** Records the plan's action a funded project became. */
    public void setAction(long applicationId, long actionId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE lab_applications SET action_id = :action WHERE id = :id")
                .bind("action", actionId).bind("id", applicationId).execute());
    }

    /**
     * Publishes a funded project's final report as a case study of the library, once: the application then names it.
     *
     * @return the case study's id; empty when the application is not funded or was published already
     */
    public Optional<Long> publish(long applicationId, CaseStudyRepository library, CaseStudyData study) {
        return jdbi.inTransaction(h -> {
            Optional<Row> row = h.createQuery("SELECT * FROM lab_applications WHERE id = :id")
                    .bind("id", applicationId).map(ROW).findOne();
            if (row.isEmpty() || row.get().status() != ApplicationStatus.FUNDED || row.get().caseStudyId().isPresent()) {
                return Optional.<Long>empty();
            }
            library.upsert(h, study);
            long id = h.createQuery("SELECT id FROM case_studies WHERE slug = :slug").bind("slug", study.slug())
                    .mapTo(Long.class).one();
            h.createUpdate("UPDATE lab_applications SET case_study_id = :cs WHERE id = :id").bind("cs", id)
                    .bind("id", applicationId).execute();
            return Optional.of(id);
        });
    }

    /**
     * The final report of a funded project: the newest note given on its action's milestone whose label starts with
     * {@code milestoneLabel} (as a lead answers that milestone's reminder); empty until one is given. Notes on other
     * milestones, or with none, are not it.
     */
    public Optional<String> milestoneNote(long applicationId, String milestoneLabel) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT u.note FROM lab_applications a
                JOIN progress_updates u ON u.action_id = a.action_id
                JOIN milestones ms ON ms.id = u.milestone_id AND ms.action_id = a.action_id
                WHERE a.id = :id AND substr(ms.label, 1, length(:label)) = :label
                  AND u.note IS NOT NULL AND trim(u.note) <> ''
                ORDER BY u.created_at DESC, u.id DESC LIMIT 1
                """).bind("id", applicationId).bind("label", milestoneLabel).mapTo(String.class).findOne()
                .map(String::strip));
    }

    /**
     * A reviewer's score of one criterion, replacing their earlier one, while the application waits for a decision:
     * once decided, its scores stay as they were when it was decided.
     *
     * @return false when it is not (or no longer) waiting for a decision, and nothing changed
     */
    public boolean score(long applicationId, long reviewerId, int criterion, int score) {
        if (score < 1 || score > 5 || criterion < 0) {
            throw new IllegalArgumentException("a score is 1 to 5 against a listed criterion");
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO lab_scores (application_id, reviewer_id, criterion, score, scored_at)
                SELECT :id, :reviewer, :criterion, :score, :now
                WHERE EXISTS (SELECT 1 FROM lab_applications WHERE id = :id AND status = 'SUBMITTED')
                ON CONFLICT (application_id, reviewer_id, criterion) DO UPDATE SET score = excluded.score,
                    scored_at = excluded.scored_at
                """).bind("id", applicationId).bind("reviewer", reviewerId).bind("criterion", criterion)
                .bind("score", score).bind("now", clock.instant()).execute()) == 1;
    }

    public List<Score> scores(long applicationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT reviewer_id, criterion, score FROM lab_scores WHERE application_id = :id
                ORDER BY criterion, reviewer_id
                """).bind("id", applicationId).map((rs, ctx) -> new Score(rs.getLong("reviewer_id"),
                rs.getInt("criterion"), rs.getInt("score"))).list());
    }

    public void comment(long applicationId, long reviewerId, String text) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO lab_comments (application_id, reviewer_id, text, created_at)
                VALUES (:id, :reviewer, :text, :now)
                """).bind("id", applicationId).bind("reviewer", reviewerId).bind("text", text)
                .bind("now", clock.instant()).execute());
    }

    public List<Comment> comments(long applicationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lab_comments WHERE application_id = :id ORDER BY id")
                .bind("id", applicationId).map((rs, ctx) -> new Comment(rs.getLong("id"), rs.getLong("reviewer_id"),
                        rs.getString("text"), Rows.requiredInstant(rs, "created_at"))).list());
    }
}
