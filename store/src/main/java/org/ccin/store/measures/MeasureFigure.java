package org.ccin.store.measures;

import java.time.LocalDate;

/**
 * A published figure of a measure.
 *
 * @param asAt        the date the figure describes (a month in the source is its last day)
 * @param atLeast     the source gives a lower bound ("over 300")
 * @param provisional the source marks the figure provisional
 */
public record MeasureFigure(LocalDate asAt, double value, boolean atLeast, boolean provisional) {
}
