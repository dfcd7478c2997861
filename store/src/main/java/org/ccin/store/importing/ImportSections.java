package org.ccin.store.importing;

import java.util.List;
import org.ccin.store.Store;

/** Every section that {@code import} understands, in the order they are written (dependencies first). */
public final class ImportSections {
    private ImportSections() {
    }

    public static List<ImportSection> standard(Store store) {
        return List.of(new CategoriesSection(), new RegionsSection(), new OrganisationsSection(store.organisations()));
    }

    public static ReferenceDataImporter importer(Store store) {
        return new ReferenceDataImporter(store.database(), standard(store));
    }
}
