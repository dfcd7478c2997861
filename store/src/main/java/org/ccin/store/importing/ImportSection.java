package org.ccin.store.importing;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One kind of reference data that {@code import} understands (organisations, regions, …). Sections run in the
 * order they are registered, so a section may refer to what an earlier one imported in the same transaction.
 */
public interface ImportSection {
    /** The key in a YAML/JSON file, e.g. {@code organisations}. */
    String name();

    /** The CSV columns that identify a CSV file as holding this section. */
    Set<String> requiredCsvColumns();

    /**
     * Validates and writes the rows inside the import's transaction. Problems go to the rows; when any row has a
     * problem the whole import is rolled back, so what is written here is only kept if everything was valid.
     */
    SectionCounts apply(Handle handle, List<ImportRow> rows);
}
