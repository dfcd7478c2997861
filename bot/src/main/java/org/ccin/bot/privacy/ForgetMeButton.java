package org.ccin.bot.privacy;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /forgetme; both carry the one-time id of the request they answer. */
sealed interface ForgetMeButton {
    ButtonSet<ForgetMeButton> SET = ButtonSet.of("fm", ForgetMeButton.class);

    /** Erase me: works once, for the person it was made for, while the request lives. */
    @ButtonCode("yes")
    record Yes(String request) implements ForgetMeButton {
    }

    /** Keep my details: the request is over. */
    @ButtonCode("no")
    record No(String request) implements ForgetMeButton {
    }
}
