package org.ccin.store.importing;

import java.util.List;
import org.ccin.store.Store;
import org.ccin.store.plan.MilestoneDates;

/** Every section that {@code import} understands, in the order they are written (dependencies first). */
public final class ImportSections {
    private ImportSections() {
    }

    public static List<ImportSection> standard(Store store, MilestoneDates dates) {
        return List.of(new CategoriesSection(), new RegionsSection(), new OrganisationsSection(store.organisations()),
                new TopicsSection(), new SynonymsSection(store.clock()), new PlansSection(), new ObjectivesSection(),
                new ActionsSection(store.plans(), dates), new MeasuresSection(),
                new CaseStudiesSection(store.caseStudies()),
                new RulesSection(store.clock()), new GroupsSection(store.groups().catalogue(), store.clock()));
    }

    public static ReferenceDataImporter importer(Store store, MilestoneDates dates) {
        return new ReferenceDataImporter(store.database(), standard(store, dates));
    }
}
