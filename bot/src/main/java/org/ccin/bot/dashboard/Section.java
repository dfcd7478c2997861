package org.ccin.bot.dashboard;

import java.util.List;

/**
 * A section of the dashboard: its heading, a sentence on what it counts, lines that sum it up, its charts (each
 * with a CSV download), a list under them (such as the overdue actions) and a link to a page with more.
 *
 * @param listTitle the heading of {@code list}
 * @param linkHref  empty when the section links nowhere
 */
public record Section(String id, String title, String intro, List<ChartData> charts, List<String> lines,
                      String listTitle, List<String> list, String linkText, String linkHref) {

    public Section(String id, String title, String intro, List<ChartData> charts) {
        this(id, title, intro, charts, List.of(), "", List.of(), "", "");
    }

    public Section withLines(List<String> more) {
        return new Section(id, title, intro, charts, more, listTitle, list, linkText, linkHref);
    }

    public Section withList(String heading, List<String> items) {
        return new Section(id, title, intro, charts, lines, heading, items, linkText, linkHref);
    }

    public Section withLink(String text, String href) {
        return new Section(id, title, intro, charts, lines, listTitle, list, text, href);
    }

    public boolean hasLink() {
        return !linkHref.isEmpty();
    }
}
