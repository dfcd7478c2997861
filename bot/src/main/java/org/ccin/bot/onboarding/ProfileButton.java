package org.ccin.bot.onboarding;

import java.util.Arrays;
import java.util.Optional;
import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /profile. */
sealed interface ProfileButton {
    ButtonSet<ProfileButton> SET = ButtonSet.of("prof", ProfileButton.class);

    /**
     * Change one answer: the question's name in lower case ("organisation"), as buttons already sent carry it; an
     * enum would be written in capitals.
     */
    @ButtonCode("edit")
    record Edit(String question) implements ProfileButton {
        static Edit of(Step step) {
            return new Edit(step.name().toLowerCase());
        }

        Optional<Step> step() {
            return Arrays.stream(Step.values()).filter(s -> s.name().equalsIgnoreCase(question)).findFirst();
        }
    }
}
