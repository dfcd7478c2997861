package org.ccin.store.measures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A measure of the strategy with its figures (oldest first) and targets (earliest first).
 *
 * @param code          the identity that re-imports update, e.g. {@code full-council-members}
 * @param planCode      with {@code objectiveCode}: the plan objective it measures, when known
 */
public record Measure(String code, String nameEn, String nameCy, MeasureUnit unit, Optional<String> planCode,
                      Optional<String> objectiveCode, String noteEn, String noteCy, List<MeasureFigure> figures,
                      List<MeasureTarget> targets) {

    public Measure {
        figures = figures.stream().sorted(Comparator.comparing(MeasureFigure::asAt)).toList();
        targets = targets.stream().sorted(Comparator.comparing(MeasureTarget::dueBy)).toList();
    }

    public Optional<MeasureFigure> latest() {
        return figures.isEmpty() ? Optional.empty() : Optional.of(figures.get(figures.size() - 1));
    }

    /** The figure before the latest one, to say which way the measure is going. */
    public Optional<MeasureFigure> previous() {
        return figures.size() < 2 ? Optional.empty() : Optional.of(figures.get(figures.size() - 2));
    }

    /** The latest figure as at a date in the given year. */
    public Optional<MeasureFigure> figureIn(int year) {
        return figures.stream().filter(f -> f.asAt().getYear() == year).reduce((first, second) -> second);
    }

    /** The targets not yet past on the given day; every target when all are past. */
    public List<MeasureTarget> targetsFrom(LocalDate today) {
        List<MeasureTarget> ahead = targets.stream().filter(t -> !t.dueBy().isBefore(today)).toList();
        return ahead.isEmpty() ? targets : ahead;
    }
}
