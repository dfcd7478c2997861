package org.ccin.bot.dashboard;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /audit. */
sealed interface AuditButton {
    ButtonSet<AuditButton> SET = ButtonSet.of("aud", AuditButton.class);

    /**
     * A page of the log from {@code offset}, with its filters: a group's id and a person's Telegram id (0 for any)
     * and a kind's code ("-" for any). The filters are checked again when tapped: a button can be forged.
     */
    @ButtonCode("p")
    record Page(int offset, long group, long person, String kind) implements AuditButton {
    }
}
