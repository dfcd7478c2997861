package org.ccin.store.importing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.UpsertOutcome;
import org.jdbi.v3.core.Handle;

/**
 * A section of named reference rows (categories, regions, topics): each row has a code, an English name and a Welsh
 * one (the English when none is given), and an order that defaults to the row's place in the file. Subclasses read
 * what else their rows hold and write one row.
 */
abstract class NamedRowsSection<T> implements ImportSection {
    private final String name;
    private final Set<String> columns;

    /** The code, names and order every row of such a section has. */
    record Named(String code, String name, String nameCy, int order) {
    }

    NamedRowsSection(String name, Set<String> requiredCsvColumns) {
        this.name = name;
        this.columns = requiredCsvColumns;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> requiredCsvColumns() {
        return columns;
    }

    @Override
    public final SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int place = 0;
        for (ImportRow row : rows) {
            place++;
            String code = Codes.code(row);
            String nameEn = row.required("name");
            Named named = new Named(code, nameEn, row.optional("nameCy").orElse(nameEn), row.integer("order", place));
            Optional<T> item = read(row, named);
            if (item.isPresent()) {
                counts = counts.plus(upsert(handle, item.get()));
            }
        }
        return counts;
    }

    /** The row as the item to write; empty when the row has a problem (reported on the row, so nothing is written). */
    abstract Optional<T> read(ImportRow row, Named named);

    abstract UpsertOutcome upsert(Handle handle, T item);
}
