package org.ccin.bot.reminders;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The buttons of /leads, for staff. A lead is named by its position (from 0) among the action's named leads, as the
 * plan lists them; the codes are those /leads always wrote.
 */
sealed interface LeadsButton {
    ButtonSet<LeadsButton> SET = ButtonSet.of("ld", LeadsButton.class);

    /** A button about one action, by its id. */
    sealed interface OfAction extends LeadsButton {
        long action();
    }

    /** A button about one named lead of an action. */
    sealed interface OfLead extends OfAction {
        int position();
    }

    /** Pick a registered member for the lead, by typing part of their name. */
    @ButtonCode("pick")
    record Pick(long action, int position) implements OfLead {
    }

    /** Make a one-time claim link for the lead. */
    @ButtonCode("claim")
    record Claim(long action, int position) implements OfLead {
    }

    /** Link this member (by their id), found by typing, as the lead. */
    @ButtonCode("link")
    record Link(long action, int position, long member) implements OfLead {
    }

    /** Unlink a linked person (by the link's id). */
    @ButtonCode("unlink")
    record Unlink(long link) implements LeadsButton {
    }

    @ButtonCode("mute")
    record Mute(long action) implements OfAction {
    }

    @ButtonCode("unmute")
    record Unmute(long action) implements OfAction {
    }

    /** Remind the action's leads now. */
    @ButtonCode("now")
    record RemindNow(long action) implements OfAction {
    }
}
