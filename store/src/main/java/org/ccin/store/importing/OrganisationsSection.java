package org.ccin.store.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccin.store.organisations.NameKey;
import org.ccin.store.organisations.OrganisationData;
import org.ccin.store.organisations.OrganisationRepository;
import org.jdbi.v3.core.Handle;

/**
 * Organisations: name, category, region, network_member. Category and region may be given by code or by name
 * (English or Welsh), as staff write them in spreadsheets ("Full Member", "North West").
 */
public final class OrganisationsSection implements ImportSection {
    private final OrganisationRepository organisations;

    public OrganisationsSection(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public String name() {
        return "organisations";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("name", "category", "region");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        Map<String, String> categories = lookup(handle, "membership_categories");
        Map<String, String> regions = lookup(handle, "regions");
        SectionCounts counts = SectionCounts.empty(name());
        Set<String> seen = new HashSet<>();
        for (ImportRow row : rows) {
            String name = row.required("name");
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(NameKey.of(name))) {
                row.problem("'" + name + "' appears twice in this import");
                continue;
            }
            Optional<String> category = resolve(row, "category", categories);
            Optional<String> region = resolve(row, "region", regions);
            OrganisationData data = new OrganisationData(name, category, region, row.flag("networkMember", true));
            counts = counts.plus(organisations.upsert(handle, data));
        }
        return counts;
    }

    private static Optional<String> resolve(ImportRow row, String field, Map<String, String> known) {
        Optional<String> value = row.optional(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String code = known.get(simplify(value.get()));
        if (code == null) {
            row.problem("unknown " + field + " '" + value.get() + "'; use one of "
                    + String.join(", ", new TreeSet<>(known.values())));
        }
        return Optional.ofNullable(code);
    }

    /** Code, English and Welsh name (and the name without "member") → code. */
    private static Map<String, String> lookup(Handle handle, String table) {
        Map<String, String> map = new HashMap<>();
        handle.createQuery("SELECT code, name_en, name_cy FROM " + table).map((rs, ctx) -> {
            String code = rs.getString("code");
            for (String key : List.of(code, rs.getString("name_en"), rs.getString("name_cy"))) {
                map.put(simplify(key), code);
                map.put(simplify(key.replaceAll("(?i)\\bmember\\b", "")), code);
            }
            return code;
        }).list();
        return map;
    }

    private static String simplify(String text) {
        return NameKey.of(text).replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
