package org.ccin.store.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.search.FtsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRepositoryTest {
    @TempDir
    Path dir;

    private Store store;
    private PlanRepository plans;

    @BeforeEach
    void load() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        KnowledgeFixture.load(store);
        plans = store.plans();
    }

    @Test
    @DisplayName("An action code finds the current plan's action first, with its leads and seasonal milestone")
    void byCode() {
        List<Action> found = plans.byCode("1.4");

        assertThat(plans.byCode("1.1")).extracting(Action::planCode)
                .containsExactly("strategy-2024-2026", "strategy-day-2021");
        assertThat(found).extracting(Action::planCode).containsExactly("strategy-2024-2026");
        Action action = found.get(0);
        assertThat(action.leads()).containsExactly("Morgan Jones", "Simon Grove-White");
        assertThat(action.progress()).isEqualTo(Progress.ON_TRACK);
        assertThat(action.milestones()).singleElement().satisfies(m -> {
            assertThat(m.label()).isEqualTo("Summer 2024");
            assertThat(m.dueDate()).contains(LocalDate.of(2024, 8, 31));
        });
    }

    @Test
    @DisplayName("Plain words find the right actions: the welcome pack, podcasts")
    void plainWords() {
        assertThat(plans.search(FtsQuery.of("who leads the welcome pack?", store.synonyms().expansions()), 5))
                .first().satisfies(a -> assertThat(a.text()).containsIgnoringCase("welcome pack"));
        assertThat(plans.search(FtsQuery.of("what is happening on podcasts?", Map.of()), 5))
                .first().satisfies(a -> assertThat(a.text()).containsIgnoringCase("podcast"));
    }

    @Test
    @DisplayName("Structured questions: led by a person, with a progress mark, due in a period, overdue")
    void structured() {
        assertThat(plans.ledBy(List.of("nicola", "huckerby"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.leads()).anyMatch(l -> l.contains("Nicola Huckerby")));
        assertThat(plans.withProgress(Set.of(Progress.COMPLETE))).extracting(Action::code).contains("1.16", "2.5");
        assertThat(plans.dueBetween(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 31)))
                .extracting(Action::code).contains("1.1", "1.4");
        assertThat(plans.overdue(LocalDate.of(2024, 9, 1))).extracting(Action::code).contains("1.1", "1.4")
                .doesNotContain("1.16");
        assertThat(plans.overdue(LocalDate.of(2024, 1, 1))).isEmpty();
    }

    @Test
    @DisplayName("Actions kept in a spreadsheet import from CSV and update the plan in place")
    void csvImport() throws java.io.IOException {
        java.nio.file.Path csv = dir.resolve("actions.csv");
        java.nio.file.Files.writeString(csv, """
                plan,code,objective,text,leads,milestones,progress,keywords
                strategy-2024-2026,1.4,1,Automate sign-up to thematic groups,Morgan Jones;Simon Grove-White,Summer 2024;March 2025,at risk,groups
                strategy-2024-2026,3.10,3,Publish a podcast series,,Autumn 2025,not started,podcast
                """);

        org.ccin.store.importing.ImportReport report = org.ccin.store.importing.ImportSections
                .importer(store, MilestoneDates.defaults()).importFiles(List.of(csv));

        assertThat(report.describe()).isEqualTo("actions: 1 added, 1 updated, 0 unchanged");
        Action updated = plans.byCode("1.4").get(0);
        assertThat(updated.text()).isEqualTo("Automate sign-up to thematic groups");
        assertThat(updated.progress()).isEqualTo(Progress.AT_RISK);
        assertThat(updated.milestones()).extracting(Milestone::label).containsExactly("Summer 2024", "March 2025");
        assertThat(plans.byCode("3.10").get(0).leads()).isEmpty();
    }

    @Test
    @DisplayName("Each objective sums up its actions' progress")
    void summary() {
        Objective first = plans.objectives("strategy-2024-2026").get(0);

        Map<Progress, Integer> counts = plans.progressCounts(first.id());

        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(plans.actionsOf(first.id()).size());
        assertThat(counts).containsKeys(Progress.ON_TRACK, Progress.NOT_STARTED);
    }

    @Test
    @DisplayName("A plan says what it calls its parts; a theme keeps its own lead apart from its actions' leads")
    void themesAndTheirLeads() {
        assertThat(plans.plan("strategy-day-2021")).get().satisfies(p -> assertThat(p.hasThemes()).isTrue());
        assertThat(plans.currentPlan()).get().satisfies(p -> assertThat(p.hasThemes()).isFalse());
        List<Objective> themes = plans.objectives("strategy-day-2021");
        assertThat(themes.get(2).leads()).containsExactly("Cllr Paul Stewart (Sunderland)");
        assertThat(themes.get(0).leads()).isEmpty();
        assertThat(plans.allActions()).first().satisfies(a -> assertThat(a.planCode()).isEqualTo("strategy-2024-2026"));
        assertThat(plans.allActions()).hasSize(plans.objectives("strategy-2024-2026").stream()
                .mapToInt(o -> plans.actionsOf(o.id()).size()).sum() + themes.stream()
                .mapToInt(o -> plans.actionsOf(o.id()).size()).sum());
    }

    @Test
    @DisplayName("Objectives and plans import from CSV with the optional leads and objectivesCalled columns")
    void themeColumnsFromCsv() throws java.io.IOException {
        java.nio.file.Path csv = dir.resolve("objectives.csv");
        java.nio.file.Files.writeString(csv, """
                plan,code,title,measures,leads
                strategy-2024-2026,1,A cooperative network,,Claire Ward;F&GPG
                """);

        org.ccin.store.importing.ImportSections.importer(store, MilestoneDates.defaults()).importFiles(List.of(csv));

        assertThat(plans.objectives("strategy-2024-2026").get(0).leads()).containsExactly("Claire Ward", "F&GPG");
    }
}
