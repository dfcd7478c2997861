package org.ccin.bot.events;

import java.util.List;
import org.ccin.bot.web.Words;
import org.ccin.store.events.EventFigures;

/** What the dashboard's events page shows: invitations, answers and attendance per event and per member council. */
public record EventsDashboardView(Words w, List<EventRow> events, List<EventFigures.PerCouncil> councils) {

    /** One event's line: its title, when, whether cancelled, and its counts. */
    public record EventRow(long id, String title, String when, boolean cancelled, EventFigures.Counts counts) {
    }
}
