package org.ccin.store.importing;

import java.util.List;
import java.util.stream.Collectors;

/** What an import changed, per section. */
public record ImportReport(List<SectionCounts> sections) {

    public String describe() {
        return sections.stream().map(SectionCounts::describe).collect(Collectors.joining("\n"));
    }
}
