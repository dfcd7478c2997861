package org.ccin.store.members;

import java.util.Optional;

/** The answers of registration; each may be changed later from /profile. */
public record Profile(Optional<Long> organisationId, Optional<String> organisationOther,
                      Optional<String> categoryCode, Optional<WorkRole> workRole, Optional<String> regionCode) {

    public static Profile empty() {
        return new Profile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isComplete() {
        return (organisationId.isPresent() || organisationOther.isPresent()) && categoryCode.isPresent()
                && workRole.isPresent() && regionCode.isPresent();
    }
}
