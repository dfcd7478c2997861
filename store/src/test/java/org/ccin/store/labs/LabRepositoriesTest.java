package org.ccin.store.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.FundedAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds, drafts, submission before closing, scores, and decisions within the maximum and the budget. */
class LabRepositoriesTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private RoundRepository rounds;
    private ApplicationRepository applications;
    private Round round;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rounds = new RoundRepository(store.database(), clock);
        applications = new ApplicationRepository(store.database(), clock);
        round = rounds.create(new NewRound(RoundKind.PROTOTYPE, 15_000, 2_000, clock.instant(),
                clock.instant().plus(Duration.ofDays(30)), List.of("idea", "amount"), "policy-labs", 900));
    }

    private Application draftOf(long telegramId) {
        Member member = store.members().recordContact(telegramId, "M" + telegramId, Optional.empty(), "en");
        return applications.startOrFind(round.id(), member.id(), telegramId, Optional.empty());
    }

    private Application submitted(long telegramId) {
        Application draft = draftOf(telegramId);
        assertThat(applications.submit(draft.id())).isEqualTo(Submission.SUBMITTED);
        return draft;
    }

    @Test
    @DisplayName("A round is open from its opening until its closing time, and lists its reviewers")
    void openRoundsAndReviewers() {
        assertThat(rounds.openAt(clock.instant())).extracting(Round::id).containsExactly(round.id());
        assertThat(rounds.openAt(round.closesAt())).isEmpty();
        assertThat(rounds.openAt(round.opensAt().minusSeconds(1))).isEmpty();
        assertThat(rounds.addReviewer(round.id(), 55, 900)).isTrue();
        assertThat(rounds.addReviewer(round.id(), 55, 900)).as("already").isFalse();
        assertThat(rounds.isReviewer(round.id(), 55)).isTrue();
        assertThat(rounds.isReviewer(round.id(), 56)).isFalse();
        assertThat(rounds.reviewedBy(55)).extracting(Round::id).containsExactly(round.id());
        assertThat(rounds.setCriteria(round.id(), List.of(" Fit with the aims ", "", "Value for money"))).isTrue();
        assertThat(rounds.find(round.id()).orElseThrow().criteria()).containsExactly("Fit with the aims",
                "Value for money");
    }

    @Test
    @DisplayName("A draft is one per member and round; answers in several pieces are joined whole; it survives reopening")
    void draftsJoinLongAnswers() {
        Application draft = draftOf(42);
        String first = "a".repeat(4000);
        String second = "b".repeat(4000);
        assertThat(applications.appendAnswer(draft.id(), "idea", first)).isTrue();
        assertThat(applications.appendAnswer(draft.id(), "idea", second)).isTrue();
        assertThat(draftOf(42).id()).isEqualTo(draft.id());

        Store reopened = TestStores.open(dir, clock);
        Application again = new ApplicationRepository(reopened.database(), clock).find(draft.id()).orElseThrow();
        assertThat(again.answer("idea")).contains(first + "\n\n" + second);
        assertThat(again.status()).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    @DisplayName("Submission after the closing time is refused and the draft stays; a submitted one takes no more answers")
    void submitBeforeClosing() {
        Application early = draftOf(42);
        Application late = draftOf(43);
        assertThat(applications.submit(early.id())).isEqualTo(Submission.SUBMITTED);
        assertThat(applications.submit(early.id())).isEqualTo(Submission.NOT_A_DRAFT);
        assertThat(applications.appendAnswer(early.id(), "idea", "more")).isFalse();
        assertThat(applications.deleteDraft(early.id())).isFalse();

        clock.set(round.closesAt());
        assertThat(applications.submit(late.id())).isEqualTo(Submission.ROUND_CLOSED);
        assertThat(applications.find(late.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(applications.submittedTo(round.id())).extracting(Application::id).containsExactly(early.id());
        assertThat(applications.draftsOf(round.id())).extracting(Application::id).containsExactly(late.id());
    }

    @Test
    @DisplayName("Funding is refused when not positive, over the maximum or over what is left of the budget")
    void fundingWithinMaximumAndBudget() {
        Round small = rounds.create(new NewRound(RoundKind.LAB, 3_000, 2_000, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)), List.of("idea"), "policy-labs", 900));
        round = small;
        Application first = submitted(42);
        Application second = submitted(43);
        Application draft = draftOf(44);

        assertThat(applications.fund(first.id(), 0, 900)).isEqualTo(Decision.NOT_POSITIVE);
        assertThat(applications.fund(first.id(), 2_001, 900)).isEqualTo(Decision.OVER_MAXIMUM);
        assertThat(applications.fund(draft.id(), 100, 900)).isEqualTo(Decision.NOT_SUBMITTED);
        assertThat(applications.fund(first.id(), 2_000, 900)).isEqualTo(Decision.DECIDED);
        assertThat(applications.fund(first.id(), 500, 900)).as("decided already").isEqualTo(Decision.NOT_SUBMITTED);
        assertThat(rounds.budgetLeft(small.id())).isEqualTo(1_000);
        assertThat(applications.fund(second.id(), 1_001, 900)).isEqualTo(Decision.OVER_BUDGET);
        assertThat(rounds.budgetLeft(small.id())).isEqualTo(1_000);
        assertThat(applications.decline(second.id(), "Not this time", 900)).isEqualTo(Decision.DECIDED);

        Application funded = applications.find(first.id()).orElseThrow();
        assertThat(funded.status()).isEqualTo(ApplicationStatus.FUNDED);
        assertThat(funded.awarded()).contains(2_000L);
        assertThat(applications.find(second.id()).orElseThrow().reason()).contains("Not this time");
        assertThat(applications.funded()).extracting(Application::id).containsExactly(first.id());
    }

    @Test
    @DisplayName("Scores replace a reviewer's earlier score of the same criterion; comments are kept in order")
    void scoresAndComments() {
        Application application = submitted(42);
        applications.score(application.id(), 55, 0, 3);
        applications.score(application.id(), 55, 0, 5);
        applications.score(application.id(), 56, 1, 2);
        applications.comment(application.id(), 55, "Strong partners");
        assertThat(applications.scores(application.id())).containsExactly(new Score(55, 0, 5), new Score(56, 1, 2));
        assertThat(applications.comments(application.id())).extracting(Comment::text).containsExactly("Strong partners");

        // scored, the round's criteria are fixed (the same ones again are no change); decided, the scores are
        Round scored = rounds.find(application.roundId()).orElseThrow();
        assertThat(rounds.hasScores(scored.id())).isTrue();
        assertThat(rounds.setCriteria(scored.id(), scored.criteria())).isTrue();
        assertThat(rounds.setCriteria(scored.id(), List.of("Something else"))).isFalse();
        assertThat(rounds.find(scored.id()).orElseThrow().criteria()).isEqualTo(scored.criteria());
        assertThat(applications.decline(application.id(), "Not this time", 900)).isEqualTo(Decision.DECIDED);
        assertThat(applications.score(application.id(), 55, 0, 1)).isFalse();
        assertThat(applications.score(application.id(), 57, 0, 1)).isFalse();
        assertThat(applications.scores(application.id())).containsExactly(new Score(55, 0, 5), new Score(56, 1, 2));
    }

    @Test
    @DisplayName("A funded project becomes an action of the current plan with its lead and dated milestones, and is published once")
    void fundedActionAndCaseStudy() {
        KnowledgeFixture.load(store);
        Application application = submitted(42);
        applications.fund(application.id(), 1_500, 900);
        LocalDate interim = LocalDate.of(2026, 9, 1);
        Optional<Long> actionId = store.plans().addFundedAction(new FundedAction("PL1.1", "Micro-credentials",
                "Cllr Ada", List.of(new FundedAction.Due("Interim report", interim),
                new FundedAction.Due("Final report", interim.plusMonths(6)))), "Funded projects");
        assertThat(actionId).isPresent();
        Action action = store.plans().action(actionId.get()).orElseThrow();
        assertThat(action.leads()).containsExactly("Cllr Ada");
        assertThat(action.milestones()).extracting(m -> m.dueDate().orElseThrow())
                .containsExactly(interim, interim.plusMonths(6));
        assertThat(action.milestones().get(0).label()).startsWith("Interim report");

        CaseStudyData study = new CaseStudyData("policy-prototype-1-1", "Micro-credentials",
                CaseStudyKind.POLICY_PROTOTYPE, "What we learnt", "The final report", Optional.empty(),
                Optional.empty(), Optional.of(2026), List.of(), List.of());
        Optional<Long> published = applications.publish(application.id(), store.caseStudies(), study);
        assertThat(published).isPresent();
        assertThat(store.caseStudies().find(published.get()).orElseThrow().title()).isEqualTo("Micro-credentials");
        assertThat(applications.publish(application.id(), store.caseStudies(), study)).as("once").isEmpty();
    }
    @Test
    @DisplayName("Erasing an applicant keeps a funded application as spent budget, without them or their lead's name; the rest goes")
    void erasureKeepsSpentBudget() {
        Application funded = draftOf(42);
        applications.setAnswer(funded.id(), "lead", "Cllr Ada");
        applications.appendAnswer(funded.id(), "idea", "x");
        assertThat(applications.submit(funded.id())).isEqualTo(Submission.SUBMITTED);
        assertThat(applications.score(funded.id(), 42, 0, 4)).isTrue();
        assertThat(applications.fund(funded.id(), 1_000, 900)).isEqualTo(Decision.DECIDED);
        Application other = draftOf(42);
        assertThat(other.id()).isEqualTo(funded.id()).as("one per round");
        Round second = rounds.create(new NewRound(RoundKind.LAB, 60_000, 20_000, clock.instant(),
                clock.instant().plus(Duration.ofDays(3)), List.of("idea"), "policy-labs", 900));
        Member ada = store.members().findByTelegramId(42).orElseThrow();
        Application draft = applications.startOrFind(second.id(), ada.id(), 42, Optional.empty());
        assertThat(applications.scores(funded.id())).hasSize(1);

        store.personalData().erase(42);

        Application kept = applications.find(funded.id()).orElseThrow();
        assertThat(kept.telegramUserId()).isZero();
        assertThat(kept.awarded()).contains(1_000L);
        assertThat(kept.answer("lead")).isEmpty();
        assertThat(kept.answer("idea")).contains("x");
        assertThat(rounds.budgetLeft(round.id())).isEqualTo(14_000);
        assertThat(applications.find(draft.id())).isEmpty();
        assertThat(applications.scores(funded.id())).isEmpty();
        assertThat(applications.ofPerson(42)).isEmpty();
    }
}
