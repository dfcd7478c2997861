package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /editrules ({@link EditRulesCommand}); staff only. */
sealed interface EditRulesButton {
    ButtonSet<EditRulesButton> SET = ButtonSet.of("rules", EditRulesButton.class);

    /** Edit these rules: the network's (0) or a group's additions (the group's id). */
    @ButtonCode("s")
    record Scope(long groupId) implements EditRulesButton {
    }

    /** Publish the draft previewed, with this many seconds to accept it. */
    @ButtonCode("p")
    record Publish(long graceSeconds) implements EditRulesButton {
    }

    /**
     * Throw the draft previewed away. It carries the one-time id of that preview, so that a Discard left over from
     * an earlier draft (or forged) throws away nothing.
     */
    @ButtonCode("x")
    record Discard(String confirmation) implements EditRulesButton {
    }
}
