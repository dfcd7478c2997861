package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The Accept buttons under changed rules ({@link RulesAcceptance}): sent by /editrules when rules are published, by
 * the routine's reminders, and again when rules changed since.
 */
sealed interface RulesButton {
    ButtonSet<RulesButton> SET = ButtonSet.of("racc", RulesButton.class);

    /** I accept this version (by its id), if it is still the current one. */
    @ButtonCode("ok")
    record AcceptVersion(long versionId) implements RulesButton {
    }

    /** I accept every current version of this group's rules (by the group's id). */
    @ButtonCode("g")
    record AcceptGroup(long groupId) implements RulesButton {
    }
}
