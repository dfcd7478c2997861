package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The buttons of /groups ({@link CatalogueCommand}). Each carries the version of the conversation it was shown
 * with, so that a button of an older screen (or another chat's) does nothing.
 */
sealed interface CatalogueButton {
    ButtonSet<CatalogueButton> SET = ButtonSet.of("grp", CatalogueButton.class);

    /** The version of the conversation the button was shown with. */
    int version();

    /** Select this group (by its id), or leave it out again. */
    @ButtonCode("t")
    record Toggle(int version, long groupId) implements CatalogueButton {
    }

    /** Continue with the groups selected: their rules. */
    @ButtonCode("go")
    record Continue(int version) implements CatalogueButton {
    }

    /** From the rules back to the list. */
    @ButtonCode("back")
    record Back(int version) implements CatalogueButton {
    }

    /** I accept the rules shown: the links. */
    @ButtonCode("ok")
    record Accept(int version) implements CatalogueButton {
    }

    /** Ask staff to check my membership (when no group is open to me). */
    @ButtonCode("ask")
    record AskStaff(int version) implements CatalogueButton {
    }
}
