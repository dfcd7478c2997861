package org.ccin.store.importing;

import java.util.Optional;
import java.util.Set;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.ReferenceDataRepository;
import org.jdbi.v3.core.Handle;

/** Membership categories: code, name, nameCy, description, descriptionCy, order. */
public final class CategoriesSection extends NamedRowsSection<MembershipCategory> {
    public CategoriesSection() {
        super("membershipCategories", Set.of("code", "name", "nameCy", "description"));
    }

    @Override
    Optional<MembershipCategory> read(ImportRow row, Named named) {
        return Optional.of(new MembershipCategory(named.code(), named.name(), named.nameCy(),
                row.optional("description").orElse(""), row.optional("descriptionCy").orElse(""), named.order()));
    }

    @Override
    UpsertOutcome upsert(Handle handle, MembershipCategory category) {
        return ReferenceDataRepository.upsert(handle, category);
    }
}
