package org.ccin.bot.dashboard;

import java.util.List;

/**
 * A section of the dashboard: its heading, a sentence on what it counts, its charts (each with a CSV download),
 * lines of text (such as the overdue actions) and a link to a page with more.
 *
 * @param linkHref empty when the section links nowhere
 */
public record Section(String id, String title, String intro, List<ChartData> charts, List<String> lines,
                      String linkText, String linkHref) {

    public Section(String id, String title, String intro, List<ChartData> charts) {
        this(id, title, intro, charts, List.of(), "", "");
    }

    public Section withLines(List<String> more) {
        return new Section(id, title, intro, charts, more, linkText, linkHref);
    }

    public Section withLink(String text, String href) {
        return new Section(id, title, intro, charts, lines, text, href);
    }

    public boolean hasLink() {
        return !linkHref.isEmpty();
    }
}
