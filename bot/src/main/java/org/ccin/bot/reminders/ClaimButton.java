package org.ccin.bot.reminders;

import java.util.regex.Pattern;
import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The answer of whoever opened a claim link: "Yes, that's me" or "No", each with the link's one-time token. */
sealed interface ClaimButton {
    ButtonSet<ClaimButton> SET = ButtonSet.of("lc", ClaimButton.class);
    Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{10,40}");

    String token();

    /** Refuses what cannot be a token, so that a forged one reads as no button at all. */
    private static void check(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("not a claim token");
        }
    }

    @ButtonCode("yes")
    record Yes(String token) implements ClaimButton {
        public Yes {
            check(token);
        }
    }

    @ButtonCode("no")
    record No(String token) implements ClaimButton {
        public No {
            check(token);
        }
    }
}
