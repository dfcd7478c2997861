package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /organisation, each on one organisation (by its id). */
sealed interface OrganisationButton {
    ButtonSet<OrganisationButton> SET = ButtonSet.of("org", OrganisationButton.class);

    long organisationId();

    /** One of the organisations found for what staff typed: its card. */
    @ButtonCode("show")
    record Show(long organisationId) implements OrganisationButton {
    }

    /** It left the network: its people in member-only groups are told, and removed after the notice period. */
    @ButtonCode("left")
    record MarkLeft(long organisationId) implements OrganisationButton {
    }

    /** It is back in the network: the notices to its people are withdrawn. */
    @ButtonCode("back")
    record MarkBack(long organisationId) implements OrganisationButton {
    }
}
