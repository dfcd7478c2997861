package org.ccin.bot.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * One chart of the dashboard and its figures: the template draws it with Chart.js from the data table it writes
 * under it (so the chart, the table screen readers read and the CSV download always agree), or writes the sentence
 * for an empty chart. Labels and names are plain text; the template escapes them.
 *
 * @param id           unique on the page: the element's id and the CSV download's name
 * @param labelHeading the heading of the labels' column (Week, Group, …)
 * @param empty        what the page says when there is nothing to count yet, and what to do about it
 */
public record ChartData(String id, String title, String labelHeading, Shape shape, boolean stacked,
                        List<Series> series, List<Row> rows, String empty) {

    /** Bars across (for names), columns up (for weeks and days), or lines (for a figure over time). */
    public enum Shape {
        BARS, COLUMNS, LINES;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A column of figures: its name in the legend and the table, its colour, and whether the chart draws it (a
     * table may hold figures that do not share the chart's scale, such as a measure's target).
     */
    public record Series(String name, String colour, boolean drawn) {
        public Series(String name, String colour) {
            this(name, colour, true);
        }
    }

    /** A label and its figures, one per series; null where there is none. */
    public record Row(String label, List<Number> values) {
    }

    /** Nothing to draw: no rows, or nothing but zeros and gaps. */
    public boolean isEmpty() {
        return rows.stream().flatMap(r -> r.values().stream()).allMatch(v -> v == null || v.doubleValue() == 0);
    }

    /** How high the chart's area is, in CSS pixels: bars across need room per label and series. */
    public int height() {
        if (shape != Shape.BARS) {
            return 280;
        }
        long drawn = stacked ? 1 : Math.max(1, series.stream().filter(Series::drawn).count());
        return (int) Math.min(1600, 70 + rows.size() * (14 + 12 * drawn));
    }

    /** A figure as the table and the CSV show it: 47, 58.5; empty for none. */
    public static String shown(Number value) {
        if (value == null) {
            return "";
        }
        double d = value.doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    public String stackedText() {
        return String.valueOf(stacked);
    }
}
