package org.ccin.store.events;

import java.time.Clock;
import org.ccin.store.Database;

/** The store of the events feature: events, answers and attendance, calendar feeds, and the dashboard's counts. */
public final class Events {
    private final EventRepository events;
    private final ReplyRepository replies;
    private final CalendarFeeds feeds;
    private final EventFigures figures;

    public Events(Database database, Clock clock) {
        this.events = new EventRepository(database, clock);
        this.replies = new ReplyRepository(database, clock);
        this.feeds = new CalendarFeeds(database, clock);
        this.figures = new EventFigures(database);
    }

    public EventRepository events() {
        return events;
    }

    public ReplyRepository replies() {
        return replies;
    }

    public CalendarFeeds feeds() {
        return feeds;
    }

    public EventFigures figures() {
        return figures;
    }
}
