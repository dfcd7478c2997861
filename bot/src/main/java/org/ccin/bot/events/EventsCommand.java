package org.ccin.bot.events;

import java.time.ZoneId;
import java.util.List;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.Event;

/** /events: the network's coming events, soonest first, each with when and where. */
final class EventsCommand extends CommandAdapter {
    private final EventRepository events;
    private final ZoneId zone;

    EventsCommand(EventRepository events, ZoneId zone) {
        super("events", Role.EVERYONE, Where.ANYWHERE);
        this.events = events;
        this.zone = zone;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Event> coming = events.coming();
        if (coming.isEmpty()) {
            context.reply().send(texts.get("events.none"));
            return;
        }
        StringBuilder text = new StringBuilder(texts.get("events.heading"));
        for (Event event : coming) {
            text.append("\n\n").append(texts.get("events.line", "title", event.title(),
                    "when", texts.dateTime(event.startsAt().atZone(zone))));
            event.place().ifPresent(place -> text.append("\n").append(texts.get("events.place", "place", place)));
            if (event.onlineLink().isPresent()) {
                text.append("\n").append(texts.get("events.online"));
            }
        }
        context.reply().send(text.toString());
    }
}
