package org.ccin.store.measures;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A target of a measure: a figure to reach by a date, or, when there is no figure, an improving trend (the
 * strategy's own targets are mostly "Improving trend").
 */
public record MeasureTarget(LocalDate dueBy, Optional<Double> figure) {

    public static MeasureTarget improving(LocalDate dueBy) {
        return new MeasureTarget(dueBy, Optional.empty());
    }

    public static MeasureTarget of(LocalDate dueBy, double figure) {
        return new MeasureTarget(dueBy, Optional.of(figure));
    }

    public boolean improvingTrend() {
        return figure.isEmpty();
    }
}
