package org.ccin.bot.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MeasureLinesTest {
    private static final Messages MESSAGES = new Messages();
    private static final Texts EN = MESSAGES.in(Language.EN);
    private static final Texts CY = MESSAGES.in(Language.CY);

    @Test
    @DisplayName("Figures read as the strategy writes them: counts, percentages, lower bounds, months")
    void figures() {
        assertThat(MeasureLines.value(47, MeasureUnit.COUNT, false, EN)).isEqualTo("47");
        assertThat(MeasureLines.value(58, MeasureUnit.PERCENT, false, EN)).isEqualTo("58%");
        assertThat(MeasureLines.value(12.5, MeasureUnit.PERCENT, false, EN)).isEqualTo("12.5%");
        assertThat(MeasureLines.value(300, MeasureUnit.COUNT, true, EN)).isEqualTo("over 300");
        assertThat(MeasureLines.value(300, MeasureUnit.COUNT, true, CY)).isEqualTo("dros 300");
        assertThat(MeasureLines.when(LocalDate.of(2024, 7, 31), EN)).isEqualTo("July 2024");
        assertThat(MeasureLines.when(LocalDate.of(2024, 7, 31), CY)).isEqualTo("Gorffennaf 2024");
        assertThat(MeasureLines.when(LocalDate.of(2024, 7, 15), EN)).isEqualTo("15 July 2024");
    }

    @Test
    @DisplayName("Targets: improving trends are joined, a target figure has its date; past targets give way to later ones")
    void targets() {
        Measure measure = new Measure("labs", "Policy Labs", "Labordai Polisi", MeasureUnit.COUNT, Optional.empty(),
                Optional.empty(), "", "", List.of(new MeasureFigure(LocalDate.of(2024, 7, 31), 4, false, true)),
                List.of(MeasureTarget.improving(LocalDate.of(2025, 7, 31)),
                        MeasureTarget.improving(LocalDate.of(2026, 7, 31)), MeasureTarget.of(LocalDate.of(2027, 7, 31), 8)));

        assertThat(MeasureLines.targets(measure, LocalDate.of(2025, 1, 1), EN)).contains(
                "an improving trend by July 2025 and July 2026; 8 by July 2027");
        assertThat(MeasureLines.targets(measure, LocalDate.of(2026, 1, 1), CY)).contains(
                "tuedd sy'n gwella erbyn Gorffennaf 2026; 8 erbyn Gorffennaf 2027");
        assertThat(MeasureLines.line(measure, "Policy Labs", LocalDate.of(2026, 1, 1), EN)).isEqualTo(
                "• <b>Policy Labs</b>: 4 (July 2024, provisional); target: an improving trend by July 2026; 8 by "
                        + "July 2027");
    }
}
