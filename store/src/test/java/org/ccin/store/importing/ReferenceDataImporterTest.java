package org.ccin.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.organisations.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataImporterTest {
    private static final String REFERENCE = """
            membershipCategories:
              - {code: full, name: Full Member, nameCy: Aelod Llawn}
              - {code: affiliate, name: Affiliate Member, nameCy: Aelod Cysylltiedig}
            regions:
              - {code: north-west, name: North West, nameCy: Gogledd-orllewin Lloegr, kind: region}
              - {code: wales, name: Wales, nameCy: Cymru, kind: nation}
            """;

    @TempDir
    Path dir;

    private Store store;
    private ReferenceDataImporter importer;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        importer = new ReferenceDataImporter(store.database(), List.of(new CategoriesSection(), new RegionsSection(),
                new OrganisationsSection(store.organisations())));
    }

    @Test
    @DisplayName("YAML and CSV import together; categories and regions may be named as staff write them")
    void importsYamlAndCsv() throws IOException {
        Path reference = write("reference.yml", REFERENCE);
        Path organisations = write("orgs.csv", """
                Name,Category,Region,Network member
                Oldham Council,Full Member,North West,yes
                "Co-operative College, The",affiliate,,true
                Cardiff Council,full,Cymru,yes
                """);

        ImportReport report = importer.importFiles(List.of(organisations, reference));

        assertThat(report.describe()).isEqualTo("""
                membershipCategories: 2 added, 0 updated, 0 unchanged
                regions: 2 added, 0 updated, 0 unchanged
                organisations: 3 added, 0 updated, 0 unchanged""");
        Organisation cardiff = store.organisations().findByName("cardiff council").orElseThrow();
        assertThat(cardiff.regionCode()).contains("wales");
        assertThat(store.organisations().findByName("Co-operative College, The").orElseThrow().regionCode()).isEmpty();
    }

    @Test
    @DisplayName("Re-importing the same files changes nothing; a changed row is updated in place, never duplicated")
    void reimportUpdatesInPlace() throws IOException {
        Path reference = write("reference.yml", REFERENCE);
        Path organisations = write("organisations.csv", "name,category,region\nOldham Council,full,north-west\n");
        importer.importFiles(List.of(reference, organisations));
        long id = store.organisations().findByName("Oldham Council").orElseThrow().id();

        ImportReport same = importer.importFiles(List.of(reference, organisations));
        write("organisations.csv", "name,category,region,network_member\nOLDHAM council,full,north-west,no\n");
        ImportReport changed = importer.importFiles(List.of(organisations));

        assertThat(same.describe()).contains("organisations: 0 added, 0 updated, 1 unchanged")
                .contains("regions: 0 added, 0 updated, 2 unchanged");
        assertThat(changed.describe()).isEqualTo("organisations: 0 added, 1 updated, 0 unchanged");
        assertThat(store.organisations().count()).isEqualTo(1);
        Organisation oldham = store.organisations().findById(id).orElseThrow();
        assertThat(oldham.networkMember()).isFalse();
        assertThat(oldham.name()).isEqualTo("OLDHAM council");
    }

    @Test
    @DisplayName("One bad row stops the whole import, names its file and line, and changes nothing")
    void badRowChangesNothing() throws IOException {
        Path reference = write("reference.yml", REFERENCE);
        Path organisations = write("organisations.csv", """
                name,category,region
                Oldham Council,full,north-west
                Nowhere Council,platinum,north-west
                ,full,wales
                """);

        assertThatThrownBy(() -> importer.importFiles(List.of(reference, organisations)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nothing was imported: 2 problems")
                .hasMessageContaining("organisations.csv line 3: unknown category 'platinum'; use one of affiliate, full")
                .hasMessageContaining("organisations.csv line 4: 'name' is missing");
        assertThat(store.organisations().count()).isZero();
        assertThat(store.referenceData().categories()).isEmpty();
    }

    @Test
    @DisplayName("Unknown files, sections and CSV headers are explained")
    void unknownInput() throws IOException {
        Path text = write("notes.txt", "hello");
        Path yaml = write("bad.yml", "planets:\n  - {name: Mars}\n");
        Path csv = write("sheet.csv", "colour,size\nred,big\n");

        assertThatThrownBy(() -> importer.importFiles(List.of(text, yaml, csv)))
                .hasMessageContaining("notes.txt: unknown file type")
                .hasMessageContaining("unknown section 'planets'; known sections: membershipCategories, regions, organisations")
                .hasMessageContaining("sheet.csv: cannot tell what this CSV holds");
    }

    @Test
    @DisplayName("The bundled sample data imports cleanly, twice")
    void bundledSampleData() {
        Path data = Path.of("..", "data");
        List<Path> files = List.of(data.resolve("reference.yml"), data.resolve("organisations.csv"));

        ImportReport first = importer.importFiles(files);
        ImportReport second = importer.importFiles(files);

        assertThat(store.referenceData().categories()).extracting(c -> c.code())
                .containsExactly("full", "associate", "town_parish", "affiliate", "supporter");
        assertThat(store.referenceData().regions()).hasSize(12);
        assertThat(store.organisations().count()).isGreaterThan(20);
        assertThat(store.organisations().findByName("Oldham Council")).map(Organisation::regionCode)
                .contains(Optional.of("north-west"));
        assertThat(first.describe()).doesNotContain("0 added, 0 updated, 0 unchanged");
        assertThat(second.sections()).allSatisfy(s -> assertThat(s.added() + s.updated()).isZero());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
