package org.ccin.store.organisations;

import java.util.Optional;

/** An organisation as imported: identified by its name (case and punctuation ignored). */
public record OrganisationData(String name, Optional<String> categoryCode, Optional<String> regionCode,
                               boolean networkMember) {
}
