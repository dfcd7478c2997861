package org.ccin.bot.onboarding;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.members.WorkRole;

/**
 * The buttons of registration's questions (and of /profile's one question). Each carries the version of the
 * conversation it was shown in, so that a tap on an older keyboard is refused rather than taken.
 */
sealed interface RegistrationButton {
    ButtonSet<RegistrationButton> SET = ButtonSet.of("reg", RegistrationButton.class);

    /** The conversation's version when the button was shown. */
    int version();

    /** The question before (or, when editing, back to the profile). */
    @ButtonCode("back")
    record Back(int version) implements RegistrationButton {
    }

    /** The language, by its code ("en", "cy"). */
    @ButtonCode("lang")
    record ChooseLanguage(int version, String code) implements RegistrationButton {
    }

    /** An organisation of the network's list. */
    @ButtonCode("org")
    record ChooseOrganisation(int version, long organisation) implements RegistrationButton {
    }

    /** The organisation's name as typed, not in the list. */
    @ButtonCode("orgkeep")
    record KeepTyped(int version) implements RegistrationButton {
    }

    /** The kind of member, by its code. */
    @ButtonCode("cat")
    record ChooseCategory(int version, String code) implements RegistrationButton {
    }

    @ButtonCode("role")
    record ChooseRole(int version, WorkRole role) implements RegistrationButton {
    }

    /** The region or nation, by its code. */
    @ButtonCode("region")
    record ChooseRegion(int version, String code) implements RegistrationButton {
    }
}
