package org.ccin.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.ccin.store.plan.MilestoneDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuresImportTest {
    private static final String PLAN = """
            plans:
              - {code: strategy-2024-2026, title: CCIN Strategy 2024-2026, version: "2024", current: yes}
            objectives:
              - {plan: strategy-2024-2026, code: "1", title: A cooperative network, measures: []}
            """;
    private static final String GOOD = """
            measure,name,nameCy,unit,plan,objective,asAt,figure,provisional,target
            full-council-members,Full Council Members,Aelodau Cyngor Llawn,count,strategy-2024-2026,1,2023-07,45,,
            full-council-members,,,,,,2024-07,47,yes,
            full-council-members,,,,,,2025-07,,,improving
            case-studies,Case studies,,,,,July 2022,over 420,,
            participation,Percentage participation in Policy Labs,,,,,2023-07,58%,,60%
            """;

    @TempDir
    Path dir;

    private Store store;
    private MeasureRepository measures;
    private ReferenceDataImporter importer;

    @BeforeEach
    void open() throws IOException {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        measures = store.measures();
        importer = ImportSections.importer(store, MilestoneDates.defaults());
        importer.importFiles(List.of(write("plan.yml", PLAN)));
    }

    @Test
    @DisplayName("A measures CSV imports figures as at month ends, provisional and 'over' figures, trends and targets")
    void importsGoodFile() throws IOException {
        ImportReport report = importer.importFiles(List.of(write("measures.csv", GOOD)));

        assertThat(report.describe()).isEqualTo("measures: 3 added, 0 updated, 0 unchanged");
        Measure members = measures.byCode("full-council-members").orElseThrow();
        assertThat(members).isEqualTo(new Measure("full-council-members", "Full Council Members",
                "Aelodau Cyngor Llawn", MeasureUnit.COUNT, Optional.of("strategy-2024-2026"), Optional.of("1"), "", "",
                List.of(new MeasureFigure(LocalDate.of(2023, 7, 31), 45, false, false),
                        new MeasureFigure(LocalDate.of(2024, 7, 31), 47, false, true)),
                List.of(MeasureTarget.improving(LocalDate.of(2025, 7, 31)))));
        Measure caseStudies = measures.byCode("case-studies").orElseThrow();
        assertThat(caseStudies.nameCy()).isEqualTo("Case studies");
        assertThat(caseStudies.figures()).containsExactly(new MeasureFigure(LocalDate.of(2022, 7, 31), 420, true,
                false));
        Measure participation = measures.byCode("participation").orElseThrow();
        assertThat(participation.unit()).isEqualTo(MeasureUnit.PERCENT);
        assertThat(participation.targets()).containsExactly(MeasureTarget.of(LocalDate.of(2023, 7, 31), 60));
    }

    @Test
    @DisplayName("The same rows can be written in YAML; a problem there names its entry")
    void yaml() throws IOException {
        Path file = write("measures.yml", """
                measures:
                  - {measure: supporters, name: Supporters, nameCy: Cefnogwyr, asAt: 2024-07-31, figure: 24,
                     provisional: yes}
                  - {measure: supporters, asAt: July 2025, target: 30}
                """);
        Path bad = write("more.yml", """
                measures:
                  - {measure: supporters, name: Supporters, asAt: 2024-07, figure: many}
                """);

        importer.importFiles(List.of(file));

        Measure supporters = measures.byCode("supporters").orElseThrow();
        assertThat(supporters.figures()).containsExactly(new MeasureFigure(LocalDate.of(2024, 7, 31), 24, false, true));
        assertThat(supporters.targets()).containsExactly(MeasureTarget.of(LocalDate.of(2025, 7, 31), 30));
        assertThatThrownBy(() -> importer.importFiles(List.of(bad)))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "more.yml measures entry 1: 'figure' must be a number such as 47, 58% or over 300, not "
                                + "'many'"));
        assertThat(measures.byCode("supporters").orElseThrow()).isEqualTo(supporters);
    }

    @Test
    @DisplayName("Importing the same file again changes nothing; a corrected figure updates its measure in place")
    void reimport() throws IOException {
        Path file = write("measures.csv", GOOD);
        importer.importFiles(List.of(file));

        ImportReport same = importer.importFiles(List.of(file));
        write("measures.csv", GOOD.replace("2024-07,47,yes", "2024-07,46,yes"));
        ImportReport corrected = importer.importFiles(List.of(file));

        assertThat(same.describe()).isEqualTo("measures: 0 added, 0 updated, 3 unchanged");
        assertThat(corrected.describe()).isEqualTo("measures: 0 added, 1 updated, 2 unchanged");
        assertThat(measures.count()).isEqualTo(3);
        assertThat(measures.byCode("full-council-members").orElseThrow().latest().orElseThrow().value())
                .isEqualTo(46);
    }

    @Test
    @DisplayName("A bad measures file is refused with each problem's line and reason, and nothing changes")
    void badFileChangesNothing() throws IOException {
        importer.importFiles(List.of(write("measures.csv", GOOD)));
        Path bad = write("measures-2025.csv", """
                measure,name,unit,plan,objective,asAt,figure,provisional,target
                full-council-members,Full Council Members,,,,2025-07,50,,
                supporters,Supporters,,,,2025-13,24,,
                supporters,,,,,2024-07,lots,,
                supporters,,,,,2023-07,,,
                policy-labs,Number of Policy Labs,dozens,,,2024-07,4,,
                supporters,Supporters,,,,2022-07,21,,
                supporters,Supporters,,,,2022-07,22,maybe,
                councils,Councils,,strategy-2024-2026,9,2024-07,25,,
                full-council-members,Full Council Members,,,,2026-07,,,bigger
                """);

        assertThatThrownBy(() -> importer.importFiles(List.of(bad)))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "measures-2025.csv line 3: 'asAt' must be a date such as 2024-07, 2024-07-31 or July 2024, "
                                + "not '2025-13'",
                        "measures-2025.csv line 4: 'figure' must be a number such as 47, 58% or over 300, not 'lots'",
                        "measures-2025.csv line 5: give a 'figure' or a 'target' for 2023-07",
                        "measures-2025.csv line 8: 'provisional' must be yes or no, not 'maybe'",
                        "measures-2025.csv line 8: a second figure for 2022-07; measures-2025.csv line 7 has one "
                                + "already",
                        "measures-2025.csv line 10: 'target' must be a number such as 50 or 60%, or 'improving', "
                                + "not 'bigger'",
                        "measures-2025.csv line 6: 'unit' of measure 'policy-labs' must be count or percent, not "
                                + "'dozens'",
                        "measures-2025.csv line 9: plan 'strategy-2024-2026' has no objective '9'"));

        assertThat(measures.count()).isEqualTo(3);
        assertThat(measures.byCode("full-council-members").orElseThrow().latest().orElseThrow().value())
                .isEqualTo(47);
        assertThat(measures.byCode("supporters")).isEmpty();
    }

    @Test
    @DisplayName("The bundled sample measures import next to the bundled plan; only the seed's published figures")
    void bundledSample() {
        ImportSections.importer(store, MilestoneDates.defaults()).importFiles(List.of(
                Path.of("..", "data", "reference.yml"), Path.of("..", "data", "topics.yml"),
                Path.of("..", "data", "action-plan.yml"), Path.of("..", "data", "measures.csv")));

        List<Measure> all = measures.all();
        assertThat(all).extracting(Measure::code).startsWith("full-council-members", "associate-members")
                .contains("policy-labs", "policy-lab-participation", "meetings-and-events").hasSize(14);
        Measure members = all.get(0);
        assertThat(members.figures()).extracting(MeasureFigure::value).containsExactly(33.0, 34.0, 45.0, 47.0);
        assertThat(members.targets()).allMatch(MeasureTarget::improvingTrend).hasSize(2);
        assertThat(measures.byCode("policy-labs").orElseThrow().figureIn(2023).orElseThrow().value()).isEqualTo(6);
        assertThat(measures.byCode("meetings-and-events").orElseThrow().figures()).hasSize(2);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
