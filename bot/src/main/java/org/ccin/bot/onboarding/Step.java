package org.ccin.bot.onboarding;

import java.util.Optional;

/** The questions of registration, in order. */
enum Step {
    LANGUAGE, ORGANISATION, CATEGORY, ROLE, REGION;

    Optional<Step> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    Optional<Step> next() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
