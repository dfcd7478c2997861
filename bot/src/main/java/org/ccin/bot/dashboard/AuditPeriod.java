package org.ccin.bot.dashboard;

import java.util.Optional;

/**
 * The audit page's period: the dashboard's choice of the last 4, 12 or 52 weeks, or all entries. All is the default
 * (not the sections' 12 weeks): the audit log is where staff look up one act, often an old one (a removal last
 * spring), and a default period would hide it without a word; links made before the page had a period, and /audit
 * in the chat, mean everything too. A value that is not one of those gets the default, with a note saying so, rather
 * than a refusal: a period only narrows what is shown.
 *
 * @param weeks      empty for all entries
 * @param understood false when the value asked for was not one of the choices
 */
record AuditPeriod(Optional<Integer> weeks, boolean understood) {
    static final AuditPeriod ALL = new AuditPeriod(Optional.empty(), true);

    /** The period of a request's {@code weeks} value (stripped; empty for none). */
    static AuditPeriod of(String asked) {
        if (asked.isEmpty()) {
            return ALL;
        }
        return DashboardSections.PERIODS.stream().filter(p -> String.valueOf(p).equals(asked)).findFirst()
                .map(p -> new AuditPeriod(Optional.of(p), true)).orElse(new AuditPeriod(Optional.empty(), false));
    }

    /** What a link carries for this period: its weeks, or nothing for all. */
    String value() {
        return weeks.map(String::valueOf).orElse("");
    }
}
