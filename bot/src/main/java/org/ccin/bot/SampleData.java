package org.ccin.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.importing.ImportReport;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.importing.ReferenceDataImporter;
import org.ccin.store.reference.ReferenceDataRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample data bundled in the jar (the repository's data/ folder): loaded into an empty database at first
 * start, so that a new bot can register members without anyone running {@code import} first.
 */
final class SampleData {
    /** The bundled files, in the order they are imported. */
    static final List<String> FILES = List.of("reference.yml", "organisations.csv", "topics.yml", "synonyms.yml",
            "action-plan.yml", "measures.csv", "case-studies.yml", "groups.yml");
    private static final Logger log = LoggerFactory.getLogger(SampleData.class);

    private SampleData() {
    }

    /** @param importer the importer of every section, used only when the database is empty */
    static void loadIfEmpty(ReferenceDataRepository referenceData, AuditLog auditLog,
                            ReferenceDataImporter importer) {
        if (!referenceData.categories().isEmpty()) {
            return;
        }
        List<ImportSource> sources = new ArrayList<>();
        try {
            for (String file : FILES) {
                sources.add(ImportSource.ofResource("sample-data/" + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sample data is missing from the jar", e);
        }
        ImportReport report = importer.importSources(sources);
        auditLog.record(Optional.empty(), "import", "bundled sample data", report.describe().replace('\n', ';'));
        log.info("empty database: loaded the bundled sample data\n{}", report.describe());
    }
}
