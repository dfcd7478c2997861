package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The button of the private message that answers a join request ({@link JoinRequests}). */
sealed interface JoinRequestButton {
    ButtonSet<JoinRequestButton> SET = ButtonSet.of("jr", JoinRequestButton.class);

    /** I accept the rules: let me in (the request, by its id). */
    @ButtonCode("ok")
    record Accept(long requestId) implements JoinRequestButton {
    }
}
