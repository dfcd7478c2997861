package org.ccin.bot.dashboard;

import java.util.List;
import org.ccin.bot.web.Words;

/**
 * What the measures page's template shows: a table of every measure's figures by date (the dates as headings) with
 * its targets, and a chart per measure.
 */
public record MeasuresView(Words w, String csrf, List<String> dates, String soFarHeading, List<Line> lines,
                           List<ChartData> charts) {

    /**
     * A measure's row: its code, its name, a figure per date (empty where none), the bot's own count of the year so
     * far (empty where it counts none, and unshown while {@code soFarHeading} is empty) and its targets in words.
     */
    public record Line(String code, String name, List<String> cells, String soFar, String target) {
    }
}
