package org.ccin.bot.events;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;

/** /attendance: staff pick an event that has started to record who came, from its tap list. */
final class AttendanceCommand extends CommandAdapter {
    private static final int RECENT = 10;

    private final EventRepository events;
    private final Clock clock;
    private final ZoneId zone;

    AttendanceCommand(EventRepository events, Clock clock, ZoneId zone) {
        super("attendance", Role.STAFF);
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Event> started = events.recent(RECENT * 3).stream()
                .filter(e -> !e.startsAt().isAfter(clock.instant()) && !e.isCancelled()).limit(RECENT).toList();
        if (started.isEmpty()) {
            context.reply().send(texts.get("events.attendance.none"));
            return;
        }
        Keyboard keyboard = Keyboard.create();
        for (Event event : started) {
            keyboard.row().button(texts.shortDateTime(event.startsAt().atZone(zone)) + " · " + event.title(),
                    EventButton.SET.data(new EventButton.Attendance(event.id())));
        }
        context.reply().send(texts.get("events.attendance.choose"), keyboard.build());
    }
}
