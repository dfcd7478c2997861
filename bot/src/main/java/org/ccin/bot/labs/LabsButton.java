package org.ccin.bot.labs;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.labs.RoundKind;

/**
 * The buttons of funding rounds. Each carries ids only; who may tap it is checked when it is tapped, against the
 * database (the applicant, staff, or a reviewer of the round).
 */
sealed interface LabsButton {
    ButtonSet<LabsButton> SET = ButtonSet.of("labs", LabsButton.class);

    /** Buttons of staff's round opening. */
    sealed interface Setup extends LabsButton {
    }

    @ButtonCode("k")
    record Kind(RoundKind kind) implements Setup {
    }

    /** Take the suggested amount for the step (the strategy's budget or maximum for the kind). */
    @ButtonCode("d")
    record Suggested() implements Setup {
    }

    @ButtonCode("n")
    record OpensNow() implements Setup {
    }

    @ButtonCode("q")
    record StandardQuestions() implements Setup {
    }

    @ButtonCode("o")
    record OpenRound() implements Setup {
    }

    /** Buttons of an applicant's own application. */
    sealed interface Applicant extends LabsButton {
    }

    @ButtonCode("ap")
    record Apply(long roundId) implements Applicant {
    }

    @ButtonCode("nx")
    record Next(long applicationId) implements Applicant {
    }

    @ButtonCode("bk")
    record Back(long applicationId) implements Applicant {
    }

    @ButtonCode("go")
    record Edit(long applicationId, int question) implements Applicant {
    }

    /** Clears the answer to this question (carried, so an old button clears what it was shown with). */
    @ButtonCode("cl")
    record Clear(long applicationId, int question) implements Applicant {
    }

    @ButtonCode("pv")
    record Preview(long applicationId) implements Applicant {
    }

    @ButtonCode("sb")
    record Submit(long applicationId) implements Applicant {
    }

    @ButtonCode("pp")
    record PickPartner(long applicationId, long organisationId) implements Applicant {
    }

    @ButtonCode("pt")
    record TypedPartner(long applicationId) implements Applicant {
    }

    @ButtonCode("dd")
    record DeleteDraft(long applicationId) implements Applicant {
    }

    @ButtonCode("dy")
    record ConfirmDelete(long applicationId, String request) implements Applicant {
    }

    /** Sends the application as a PDF: to its applicant, staff and the round's reviewers. */
    @ButtonCode("ex")
    record Export(long applicationId) implements LabsButton {
    }

    /** Buttons of review: staff, and reviewers of the round. */
    sealed interface Review extends LabsButton {
    }

    @ButtonCode("rr")
    record OpenReview(long roundId) implements Review {
    }

    @ButtonCode("ra")
    record OpenSubmission(long applicationId) implements Review {
    }

    @ButtonCode("rf")
    record ReadInFull(long applicationId) implements Review {
    }

    @ButtonCode("sc")
    record Rate(long applicationId, int criterion, int score) implements Review {
    }

    @ButtonCode("cm")
    record AddComment(long applicationId) implements Review {
    }

    /** A one-time link that logs the tapper's browser in to the rounds they review on the web. */
    @ButtonCode("wl")
    record WebLink() implements Review {
    }

    /** Decisions: staff only. */
    sealed interface Decide extends LabsButton {
    }

    @ButtonCode("fd")
    record Fund(long applicationId) implements Decide {
    }

    @ButtonCode("fy")
    record ConfirmFund(long applicationId, long amount, String request) implements Decide {
    }

    @ButtonCode("nf")
    record Decline(long applicationId) implements Decide {
    }

    /** Sends the reason staff typed and saw as the applicant will read it; bound to that reason by the id. */
    @ButtonCode("ny")
    record ConfirmDecline(long applicationId, String request) implements Decide {
    }

    /** Asks the reason for not funding again. */
    @ButtonCode("nr")
    record ChangeReason(long applicationId) implements Decide {
    }

    /** Stops deciding: nothing decided, nobody told. */
    @ButtonCode("nq")
    record CancelDecline(long applicationId) implements Decide {
    }

    @ButtonCode("pb")
    record Publish(long applicationId) implements Decide {
    }
}
