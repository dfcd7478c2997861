package org.ccin.bot.reminders;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.reminders.Answer;

/**
 * The buttons a lead taps: the answers under a reminder (each naming its milestone), "Add a note", "Change my
 * answer", /myactions' "Update" and the introduction's "Not me" (each naming its action). The codes are those
 * reminders always carried, so reminders already sent keep working.
 */
sealed interface ReminderButton {
    ButtonSet<ReminderButton> SET = ButtonSet.of("rem", ReminderButton.class);

    /** A button about one milestone, by its id. */
    sealed interface OfMilestone extends ReminderButton {
        long milestone();
    }

    /** One of the answers to a reminder. */
    sealed interface Answering extends OfMilestone {
        Answer answer();
    }

    @ButtonCode("c")
    record Complete(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.COMPLETE;
        }
    }

    @ButtonCode("t")
    record OnTrack(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.ON_TRACK;
        }
    }

    @ButtonCode("r")
    record AtRisk(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.AT_RISK;
        }
    }

    @ButtonCode("b")
    record Blocked(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.BLOCKED;
        }
    }

    @ButtonCode("s")
    record Snooze(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.SNOOZED;
        }
    }

    @ButtonCode("x")
    record NotMe(long milestone) implements Answering {
        @Override
        public Answer answer() {
            return Answer.NOT_ME;
        }
    }

    /** "Add a note": the lead's next message is kept with the milestone. */
    @ButtonCode("n")
    record Note(long milestone) implements OfMilestone {
    }

    /** "Change my answer": the card with the answers again. */
    @ButtonCode("m")
    record Change(long milestone) implements OfMilestone {
    }

    /** From /myactions: the action's next open milestone, with its answers. */
    @ButtonCode("open")
    record Open(long action) implements ReminderButton {
    }

    /** "Not me" on the message that told someone staff linked them to the action. */
    @ButtonCode("xa")
    record NotMeForAction(long action) implements ReminderButton {
    }
}
