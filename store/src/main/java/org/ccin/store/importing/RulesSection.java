package org.ccin.store.importing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.groups.RulesRepository;
import org.jdbi.v3.core.Handle;

/**
 * The network's rules of engagement: text, textCy. The first import publishes them; a changed text later becomes a
 * draft that staff publish from chat (reported as "updated"), because publishing asks every member to accept again.
 */
public final class RulesSection implements ImportSection {
    private final Clock clock;

    public RulesSection(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("text", "textCy", "scope");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        if (rows.size() > 1) {
            rows.get(1).problem("give the network's rules once; a group's own rules go with the group");
        }
        for (ImportRow row : rows.subList(0, Math.min(1, rows.size()))) {
            String text = row.required("text");
            if (!text.isEmpty()) {
                counts = counts.plus(outcome(RulesRepository.importText(handle, Optional.empty(), text,
                        row.optional("textCy").orElse(text), clock.instant())));
            }
        }
        return counts;
    }

    static UpsertOutcome outcome(String imported) {
        switch (imported) {
            case "published": return UpsertOutcome.ADDED;
            case "draft": return UpsertOutcome.UPDATED;
            default: return UpsertOutcome.UNCHANGED;
        }
    }
}
