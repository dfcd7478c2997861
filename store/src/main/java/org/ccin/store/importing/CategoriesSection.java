package org.ccin.store.importing;

import java.util.List;
import java.util.Set;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.ReferenceDataRepository;
import org.jdbi.v3.core.Handle;

/** Membership categories: code, name, nameCy, description, descriptionCy, order. */
public final class CategoriesSection implements ImportSection {
    @Override
    public String name() {
        return "membershipCategories";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("code", "name", "nameCy", "description");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        for (ImportRow row : rows) {
            order++;
            String code = Codes.code(row);
            String nameEn = row.required("name");
            MembershipCategory category = new MembershipCategory(code, nameEn, row.optional("nameCy").orElse(nameEn),
                    row.optional("description").orElse(""), row.optional("descriptionCy").orElse(""),
                    row.integer("order", order));
            counts = counts.plus(ReferenceDataRepository.upsert(handle, category));
        }
        return counts;
    }
}
