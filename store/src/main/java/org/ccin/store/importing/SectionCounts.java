package org.ccin.store.importing;

import org.ccin.store.UpsertOutcome;

/** What an import did to one section. */
public record SectionCounts(String section, int added, int updated, int unchanged) {

    public static SectionCounts empty(String section) {
        return new SectionCounts(section, 0, 0, 0);
    }

    public SectionCounts plus(UpsertOutcome outcome) {
        switch (outcome) {
            case ADDED: return new SectionCounts(section, added + 1, updated, unchanged);
            case UPDATED: return new SectionCounts(section, added, updated + 1, unchanged);
            default: return new SectionCounts(section, added, updated, unchanged + 1);
        }
    }

    public String describe() {
        return section + ": " + added + " added, " + updated + " updated, " + unchanged + " unchanged";
    }
}
