package org.ccin.store.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MilestoneDatesTest {
    private final MilestoneDates dates = MilestoneDates.defaults();

    @Test
    @DisplayName("Seasons end on their configured day; winter ends in the following year")
    void seasons() {
        assertThat(dates.dueDate("Summer 2024")).contains(LocalDate.of(2024, 8, 31));
        assertThat(dates.dueDate("Autumn 2024 (started)")).contains(LocalDate.of(2024, 11, 30));
        assertThat(dates.dueDate("spring 2025")).contains(LocalDate.of(2025, 5, 31));
        assertThat(dates.dueDate("Winter 2023")).contains(LocalDate.of(2024, 2, 29));
        MilestoneDates custom = new MilestoneDates(Map.of("summer", MonthDay.of(7, 15), "spring", MonthDay.of(5, 31),
                "autumn", MonthDay.of(11, 30), "winter", MonthDay.of(12, 31)));
        assertThat(custom.dueDate("Summer 2024")).contains(LocalDate.of(2024, 7, 15));
        assertThat(custom.dueDate("Winter 2024")).contains(LocalDate.of(2024, 12, 31));
    }

    @Test
    @DisplayName("A season runs from the day after the previous season ends: autumn 2024 starts on 1 September")
    void seasonRanges() {
        assertThat(dates.season("autumn", 2024)).contains(new DateRange(LocalDate.of(2024, 9, 1),
                LocalDate.of(2024, 11, 30)));
        assertThat(dates.season("Summer", 2024)).contains(new DateRange(LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 8, 31)));
        assertThat(dates.season("spring", 2025)).contains(new DateRange(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 5, 31)));
        assertThat(dates.season("winter", 2024)).contains(new DateRange(LocalDate.of(2024, 12, 1),
                LocalDate.of(2025, 2, 28)));
        assertThat(dates.season("autumn", 2024).orElseThrow().contains(LocalDate.of(2024, 8, 31))).isFalse();
        assertThat(dates.season("monsoon", 2024)).isEmpty();
    }

    @Test
    @DisplayName("Months, dates and years; a phrase without a date has none")
    void otherForms() {
        assertThat(dates.dueDate("March 2025")).contains(LocalDate.of(2025, 3, 31));
        assertThat(dates.dueDate("12 July 2024")).contains(LocalDate.of(2024, 7, 12));
        assertThat(dates.dueDate("2024-10-01")).contains(LocalDate.of(2024, 10, 1));
        assertThat(dates.dueDate("by 2026")).contains(LocalDate.of(2026, 12, 31));
        assertThat(dates.dueDate("ongoing")).isEmpty();
        assertThat(dates.dueDate("2024-13-45")).isEmpty();
    }
}
