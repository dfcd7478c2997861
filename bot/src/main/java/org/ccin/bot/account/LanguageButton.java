package org.ccin.bot.account;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /language. */
sealed interface LanguageButton {
    ButtonSet<LanguageButton> SET = ButtonSet.of("lang", LanguageButton.class);

    /** Write to me in this language (its code, "en" or "cy"). */
    @ButtonCode("set")
    record Choose(String code) implements LanguageButton {
    }
}
