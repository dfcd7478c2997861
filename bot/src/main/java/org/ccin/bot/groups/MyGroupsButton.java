package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /mygroups. */
sealed interface MyGroupsButton {
    ButtonSet<MyGroupsButton> SET = ButtonSet.of("myg", MyGroupsButton.class);

    /** Leave this group (by its id); one may rejoin later. */
    @ButtonCode("leave")
    record Leave(long groupId) implements MyGroupsButton {
    }
}
