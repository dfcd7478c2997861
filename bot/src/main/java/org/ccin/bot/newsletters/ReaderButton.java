package org.ccin.bot.newsletters;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons under a newsletter its readers get, each naming the newsletter by its id. */
sealed interface ReaderButton {
    ButtonSet<ReaderButton> SET = ButtonSet.of("nlr", ReaderButton.class);

    long id();

    @ButtonCode("y")
    record Useful(long id) implements ReaderButton {
    }

    /** Unsubscribe from the newsletter's topic. */
    @ButtonCode("u")
    record Unsubscribe(long id) implements ReaderButton {
    }

    /** Unsubscribe from every topic. */
    @ButtonCode("a")
    record UnsubscribeAll(long id) implements ReaderButton {
    }
}
