package org.ccin.bot.newsletters;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /newsletters. */
sealed interface ArchiveButton {
    ButtonSet<ArchiveButton> SET = ButtonSet.of("nla", ArchiveButton.class);

    /** Send me this past newsletter again (by its id). */
    @ButtonCode("o")
    record Open(long id) implements ArchiveButton {
    }
}
