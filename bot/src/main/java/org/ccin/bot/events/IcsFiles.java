package org.ccin.bot.events;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.events.Event;

/**
 * Events as iCalendar (RFC 5545), written by biweekly: one event as an .ics file, or a feed of several that a
 * calendar app subscribes to. Each event keeps one UID, so that a calendar updates it rather than adding it twice.
 * The online link is never written: it goes to those going, in chat, shortly before the start.
 */
final class IcsFiles {
    private final String host;
    private final Clock clock;

    /** @param host names the bot in UIDs, e.g. "ccin-bot" */
    IcsFiles(String host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    String of(Event event, Texts texts) {
        return feed(List.of(event), texts.plain("events.feed.name"), texts);
    }

    String feed(List<Event> events, String name, Texts texts) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//CCIN//ccin-bot//EN");
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        for (Event event : events) {
            calendar.addEvent(vevent(event, texts));
        }
        return Biweekly.write(calendar).go();
    }

    private VEvent vevent(Event event, Texts texts) {
        VEvent vevent = new VEvent();
        vevent.setUid("event-" + event.id() + "@" + host);
        vevent.setDateTimeStamp(Date.from(clock.instant()));
        vevent.setSummary(event.title());
        vevent.setDateStart(Date.from(event.startsAt()), true);
        vevent.setDateEnd(Date.from(event.endsAt()), true);
        String description = event.description();
        if (event.onlineLink().isPresent()) {
            description = (description.isBlank() ? "" : description + "\n\n") + texts.plain("events.ics.online");
        }
        if (!description.isBlank()) {
            vevent.setDescription(description);
        }
        event.place().ifPresentOrElse(vevent::setLocation,
                () -> vevent.setLocation(texts.plain("events.ics.location.online")));
        vevent.setStatus(event.isCancelled() ? Status.cancelled() : Status.confirmed());
        return vevent;
    }

    static String fileName(Event event) {
        return "event-" + event.id() + ".ics";
    }
}
