package org.ccin.store.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureRepositoryTest {
    private static final LocalDate JULY_2023 = LocalDate.of(2023, 7, 31);
    private static final LocalDate JULY_2024 = LocalDate.of(2024, 7, 31);

    @TempDir
    Path dir;

    private Store store;
    private MeasureRepository measures;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        measures = store.measures();
    }

    @Test
    @DisplayName("A measure is kept with its figures and targets, read back in date order, in the file's order")
    void keepsMeasures() {
        Measure labs = measure("policy-labs", List.of(figure(JULY_2024, 4), figure(JULY_2023, 6)),
                List.of(MeasureTarget.of(LocalDate.of(2026, 7, 31), 8), MeasureTarget.improving(LocalDate.of(2025, 7, 31))));
        Measure members = measure("full-council-members", List.of(figure(JULY_2024, 47)), List.of());

        store.database().jdbi().useTransaction(h -> {
            assertThat(MeasureRepository.upsert(h, labs, 2)).isEqualTo(UpsertOutcome.ADDED);
            assertThat(MeasureRepository.upsert(h, members, 1)).isEqualTo(UpsertOutcome.ADDED);
        });

        assertThat(measures.all()).extracting(Measure::code).containsExactly("full-council-members", "policy-labs");
        Measure read = measures.byCode("policy-labs").orElseThrow();
        assertThat(read).isEqualTo(labs);
        assertThat(read.figures()).extracting(MeasureFigure::asAt).containsExactly(JULY_2023, JULY_2024);
        assertThat(read.latest()).contains(figure(JULY_2024, 4));
        assertThat(read.previous()).contains(figure(JULY_2023, 6));
        assertThat(read.figureIn(2023)).contains(figure(JULY_2023, 6));
        assertThat(read.figureIn(2021)).isEmpty();
        assertThat(read.targets().get(0).improvingTrend()).isTrue();
        assertThat(read.targetsFrom(LocalDate.of(2025, 12, 1))).extracting(MeasureTarget::dueBy)
                .containsExactly(LocalDate.of(2026, 7, 31));
        assertThat(measures.byCode("no-such-measure")).isEmpty();
    }

    @Test
    @DisplayName("An upsert replaces the figures: one that is no longer given is gone; the same data is unchanged")
    void upsertReplacesFigures() {
        Measure first = measure("supporters", List.of(figure(JULY_2023, 21), figure(JULY_2024, 24)), List.of());
        Measure corrected = measure("supporters", List.of(figure(JULY_2024, 25)), List.of());

        store.database().jdbi().useTransaction(h -> MeasureRepository.upsert(h, first, 1));
        UpsertOutcome again = store.database().jdbi().inTransaction(h -> MeasureRepository.upsert(h, first, 1));
        UpsertOutcome changed = store.database().jdbi().inTransaction(h -> MeasureRepository.upsert(h, corrected, 1));

        assertThat(again).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(changed).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(measures.byCode("supporters").orElseThrow().figures()).containsExactly(figure(JULY_2024, 25));
        assertThat(measures.count()).isEqualTo(1);
    }

    private static Measure measure(String code, List<MeasureFigure> figures, List<MeasureTarget> targets) {
        return new Measure(code, code + " (en)", code + " (cy)", MeasureUnit.COUNT, Optional.empty(), Optional.empty(),
                "", "", figures, targets);
    }

    private static MeasureFigure figure(LocalDate asAt, double value) {
        return new MeasureFigure(asAt, value, false, false);
    }
}
