package org.ccin.store.members;

import java.time.Instant;
import java.util.Optional;

/**
 * A person who has talked to the bot. They are registered once {@link #registeredAt} is set.
 *
 * @param organisationOther what they typed when their organisation was not in the list
 * @param unreachableAt when the bot found it cannot write to them (they blocked it), until they write again
 * @param verification whether staff checked their organisation and category
 */
public record Member(
        long id,
        long telegramUserId,
        String firstName,
        Optional<String> username,
        String language,
        Optional<Long> organisationId,
        Optional<String> organisationOther,
        Optional<String> categoryCode,
        Optional<WorkRole> workRole,
        Optional<String> regionCode,
        Optional<Instant> registeredAt,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> unreachableAt,
        Verification verification) {

    public boolean isRegistered() {
        return registeredAt.isPresent();
    }

    public Profile profile() {
        return new Profile(organisationId, organisationOther, categoryCode, workRole, regionCode);
    }
}
