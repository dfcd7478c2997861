package org.ccin.store;

import java.nio.file.Path;
import java.util.List;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.plan.MilestoneDates;

/** The bundled sample data (data/ at the repository root), imported into a test database. */
public final class KnowledgeFixture {
    public static final List<String> FILES = List.of("reference.yml", "topics.yml", "synonyms.yml",
            "action-plan.yml", "case-studies.yml");

    private KnowledgeFixture() {
    }

    public static void load(Store store) {
        ImportSections.importer(store, MilestoneDates.defaults())
                .importFiles(FILES.stream().map(f -> Path.of("..", "data", f)).toList());
    }
}
