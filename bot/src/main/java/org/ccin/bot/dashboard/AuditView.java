package org.ccin.bot.dashboard;

import java.util.List;
import org.ccin.bot.web.Words;

/**
 * What the audit page's template shows: the filters as chosen, and either the reason a filter was refused or a page
 * of entries with the links to the CSV download and to newer and older pages.
 *
 * @param periods    the period's choices: all, then the dashboard's weeks
 * @param periodNote empty unless the period asked for was not understood (all entries are shown instead)
 * @param problem  empty unless a filter names nothing known
 * @param newerHref empty when there is no newer page (and so for {@code olderHref})
 */
public record AuditView(Words w, String csrf, List<Choice> groups, List<Choice> kinds, List<Choice> periods,
                        String person, String periodNote, String problem,
                        int total, String csvHref, List<Entry> entries, String newerHref, String olderHref) {

    /** An option of a filter's list. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** An entry: its action code and its cells (when, what, group, about, by, details) in words. */
    public record Entry(String action, List<String> cells) {
    }

    public boolean refused() {
        return !problem.isEmpty();
    }

    public static final List<String> COLUMNS = List.of("when", "kind", "group", "person", "by", "details");
}
