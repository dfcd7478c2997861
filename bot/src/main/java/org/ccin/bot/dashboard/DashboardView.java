package org.ccin.bot.dashboard;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.routing.StaffPage;
import org.ccin.bot.web.Words;

/**
 * What the dashboard's template shows: the sections for a period of weeks, the date the figures are from (printed
 * with the page), and the session's token for the logout form.
 */
public record DashboardView(Words w, String csrf, int weeks, List<Integer> periods, String asAt,
                            List<Section> sections, List<StaffPage> staffPages) {

    /** Where a feature's staff page is, in this page's language. */
    public String href(StaffPage page) {
        return page.path() + "?lang=" + lang();
    }

    public String lang() {
        return w.lang();
    }

    /** The CSV download of one chart, for the same period and language. */
    public String csvHref(ChartData chart) {
        return "/dashboard/csv/" + chart.id() + "?weeks=" + weeks + "&lang=" + lang();
    }

    /** The same page in the other language. */
    public String otherLanguageHref() {
        return "/dashboard?weeks=" + weeks + "&lang=" + ("cy".equals(lang()) ? "en" : "cy");
    }

    public Optional<ChartData> chart(String id) {
        return sections.stream().flatMap(s -> s.charts().stream()).filter(c -> c.id().equals(id)).findFirst();
    }
}
