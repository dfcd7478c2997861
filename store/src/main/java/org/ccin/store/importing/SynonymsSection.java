package org.ccin.store.importing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.search.Synonym;
import org.ccin.store.search.SynonymRepository;
import org.jdbi.v3.core.Handle;

/** The network's acronyms and synonyms: term, expansion. */
public final class SynonymsSection implements ImportSection {
    private final Clock clock;

    public SynonymsSection(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "synonyms";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("term", "expansion");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        for (ImportRow row : rows) {
            String term = row.required("term");
            String expansion = row.required("expansion");
            if (!term.isEmpty() && !expansion.isEmpty()) {
                counts = counts.plus(SynonymRepository.upsert(handle, new Synonym(term, expansion, Optional.empty()),
                        clock));
            }
        }
        return counts;
    }
}
