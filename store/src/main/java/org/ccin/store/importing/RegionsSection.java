package org.ccin.store.importing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.reference.Region;
import org.jdbi.v3.core.Handle;

/** Regions and nations: code, name, nameCy, kind (region | nation), order. */
public final class RegionsSection implements ImportSection {
    @Override
    public String name() {
        return "regions";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("code", "name", "nameCy", "kind");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        for (ImportRow row : rows) {
            order++;
            String code = Codes.code(row);
            String nameEn = row.required("name");
            String kindText = row.optional("kind").orElse("region").toUpperCase(Locale.ROOT);
            Region.Kind kind;
            try {
                kind = Region.Kind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                row.problem("'kind' must be region or nation, not '" + kindText.toLowerCase(Locale.ROOT) + "'");
                continue;
            }
            Region region = new Region(code, nameEn, row.optional("nameCy").orElse(nameEn), kind,
                    row.integer("order", order));
            counts = counts.plus(ReferenceDataRepository.upsert(handle, region));
        }
        return counts;
    }
}
