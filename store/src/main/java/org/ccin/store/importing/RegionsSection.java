package org.ccin.store.importing;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.reference.Region;
import org.jdbi.v3.core.Handle;

/** Regions and nations: code, name, nameCy, kind (region | nation), order. */
public final class RegionsSection extends NamedRowsSection<Region> {
    public RegionsSection() {
        super("regions", Set.of("code", "name", "nameCy", "kind"));
    }

    @Override
    Optional<Region> read(ImportRow row, Named named) {
        String kindText = row.optional("kind").orElse("region").toUpperCase(Locale.ROOT);
        try {
            return Optional.of(new Region(named.code(), named.name(), named.nameCy(), Region.Kind.valueOf(kindText),
                    named.order()));
        } catch (IllegalArgumentException e) {
            row.problem("'kind' must be region or nation, not '" + kindText.toLowerCase(Locale.ROOT) + "'");
            return Optional.empty();
        }
    }

    @Override
    UpsertOutcome upsert(Handle handle, Region region) {
        return ReferenceDataRepository.upsert(handle, region);
    }
}
