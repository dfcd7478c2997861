package org.ccin.bot.onboarding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;

/**
 * The answers given so far, stored as the conversation's JSON state.
 *
 * @param editing true when changing one answer from /profile rather than registering
 * @param typed the organisation name the person last typed, offered as "not listed: keep it"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationState(boolean editing, Long organisationId, String organisationOther, String typed,
                         String category, WorkRole role, String region) {

    static RegistrationState registering() {
        return new RegistrationState(false, null, null, null, null, null, null);
    }

    static RegistrationState editing(Profile profile) {
        return new RegistrationState(true, profile.organisationId().orElse(null),
                profile.organisationOther().orElse(null), null, profile.categoryCode().orElse(null),
                profile.workRole().orElse(null), profile.regionCode().orElse(null));
    }

    RegistrationState withOrganisation(long id) {
        return new RegistrationState(editing, id, null, typed, category, role, region);
    }

    RegistrationState withOrganisationTyped() {
        return new RegistrationState(editing, null, typed, typed, category, role, region);
    }

    RegistrationState withTyped(String text) {
        return new RegistrationState(editing, organisationId, organisationOther, text, category, role, region);
    }

    RegistrationState withCategory(String code) {
        return new RegistrationState(editing, organisationId, organisationOther, typed, code, role, region);
    }

    RegistrationState withRole(WorkRole workRole) {
        return new RegistrationState(editing, organisationId, organisationOther, typed, category, workRole, region);
    }

    RegistrationState withRegion(String code) {
        return new RegistrationState(editing, organisationId, organisationOther, typed, category, role, code);
    }

    Profile profile() {
        return new Profile(Optional.ofNullable(organisationId), Optional.ofNullable(organisationOther),
                Optional.ofNullable(category), Optional.ofNullable(role), Optional.ofNullable(region));
    }
}
