package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /verify: Approve or Reject the member on the card (by their Telegram id). */
sealed interface VerifyButton {
    ButtonSet<VerifyButton> SET = ButtonSet.of("ver", VerifyButton.class);

    long userId();

    @ButtonCode("ok")
    record Approve(long userId) implements VerifyButton {
    }

    @ButtonCode("no")
    record Reject(long userId) implements VerifyButton {
    }
}
