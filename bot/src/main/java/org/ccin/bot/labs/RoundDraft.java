package org.ccin.bot.labs;

import java.time.Instant;
import java.util.List;
import org.ccin.store.labs.RoundKind;

/** What staff have given so far while opening a round (null: not yet). */
record RoundDraft(RoundKind kind, Long budget, Long maxAward, Instant opensAt, Instant closesAt,
                  List<String> ownQuestions) {
    static RoundDraft of(RoundKind kind) {
        return new RoundDraft(kind, null, null, null, null, List.of());
    }

    RoundDraft withBudget(long value) {
        return new RoundDraft(kind, value, maxAward, opensAt, closesAt, ownQuestions);
    }

    RoundDraft withMax(long value) {
        return new RoundDraft(kind, budget, value, opensAt, closesAt, ownQuestions);
    }

    RoundDraft withOpens(Instant value) {
        return new RoundDraft(kind, budget, maxAward, value, closesAt, ownQuestions);
    }

    RoundDraft withCloses(Instant value) {
        return new RoundDraft(kind, budget, maxAward, opensAt, value, ownQuestions);
    }

    RoundDraft withQuestions(List<String> value) {
        return new RoundDraft(kind, budget, maxAward, opensAt, closesAt, List.copyOf(value));
    }

    /** The strategy's figures (seed 002): £60,000 a year and up to £20,000 each for Labs; £15,000 and £2,000. */
    long suggestedBudget() {
        return kind == RoundKind.LAB ? 60_000 : 15_000;
    }

    long suggestedMax() {
        return kind == RoundKind.LAB ? 20_000 : 2_000;
    }

    /** The standard questions with staff's own after the six of the form, before lead, partners and amount. */
    List<String> questions() {
        List<String> all = new java.util.ArrayList<>(Question.STANDARD.subList(0, 6));
        all.addAll(ownQuestions);
        all.addAll(Question.STANDARD.subList(6, Question.STANDARD.size()));
        return all;
    }
}
