package org.ccin.bot.events;

import java.time.ZoneId;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.access.Role;
import org.ccin.bot.dashboard.StaffSessions;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.Features;
import org.ccin.bot.routing.StaffPage;
import org.ccin.bot.routing.FlowState;
import org.ccin.store.Store;
import org.ccin.store.events.Events;

/**
 * Wires the network's events: /events (what is coming, with one's answer), /newevent (staff make and announce one),
 * /attendance (staff record who came), /calendar (a member's feed address); the answer and staff buttons; the
 * reminders and the online link before the start; the .ics files and feeds over HTTP; the dashboard's events page.
 */
public final class EventsFeature implements Feature {
    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        Events events = new Events(store.database(), services.clock());
        ZoneId zone = services.config().zone();
        Language fallback = services.languages().fallback();
        EventCards cards = new EventCards(events.replies(), services.clock(), zone);
        IcsFiles ics = new IcsFiles("ccin-bot", services.clock());
        Invitations invitations = new Invitations(events.events(), store.newsletters().issues(), cards,
                services.messages(), fallback, services.outbox(), services.clock());
        FlowState<EventDraft> drafts = new FlowState<>(store.conversations(), NewEventFlow.FLOW, EventDraft.class);
        EventPreview preview = new EventPreview(store.groups().catalogue(), store.referenceData(), invitations, cards,
                new NewsletterTopics(store.topics()));
        NewEventFlow newEvent = new NewEventFlow(drafts, events.events(), invitations, cards, store.topics(), preview,
                store.auditLog(), services.clock(), zone);
        EventReminders reminders = new EventReminders(events.events(), events.replies(), store.outbox(),
                services.outbox(), cards, services.messages(), fallback, services.clock());
        MemberTaps members = new MemberTaps(events.events(), events.replies(), store.members(), cards, ics,
                reminders, services.sender(), services.clock());
        StaffTaps staff = new StaffTaps(events.events(), events.replies(), store.confirmations(), store.outbox(),
                services.outbox(), cards, services.messages(), services.languages(), store.auditLog(),
                services.clock());
        ChangeEventFlow change = new ChangeEventFlow(new FlowState<>(store.conversations(), ChangeEventFlow.FLOW,
                ChangeDraft.class), events.events(), events.replies(), cards, services.messages(),
                services.languages(), services.outbox(), store.auditLog(), services.clock());
        features.command(new EventsCommand(events.events(), events.replies(), store.members(), zone))
                .command(new CalendarCommand(events.feeds(), store.members(), services.publicUrl()))
                .command(new NewEventCommand(drafts))
                .command(new AttendanceCommand(events.events(), services.clock(), zone))
                .flow(newEvent)
                .flow(change)
                .callback(EventButton.SET.handlers()
                        .guard((context, button) -> {
                            if (button instanceof EventButton.StaffOnly && !context.has(Role.STAFF)) {
                                context.reply().alert(context.texts().plain("access.staff.only"));
                                return false;
                            }
                            return true;
                        })
                        .on(EventButton.Open.class, members::open)
                        .on(EventButton.Reply.class, members::reply)
                        .on(EventButton.Ics.class, members::ics)
                        .on(EventButton.Topic.class, newEvent::topic)
                        .on(EventButton.ToggleGroup.class, newEvent::toggleGroup)
                        .on(EventButton.ToggleCategory.class, newEvent::toggleCategory)
                        .on(EventButton.ToggleRegion.class, newEvent::toggleRegion)
                        .on(EventButton.Narrow.class, newEvent::narrow)
                        .on(EventButton.Preview.class, newEvent::backToPreview)
                        .on(EventButton.Announce.class, newEvent::announce)
                        .on(EventButton.Discard.class, newEvent::discard)
                        .on(EventButton.UndatedTopic.class, (c, b) -> newEvent.topic(c, b.withoutId()))
                        .on(EventButton.UndatedGroup.class, (c, b) -> newEvent.toggleGroup(c, b.withoutId()))
                        .on(EventButton.UndatedCategory.class, (c, b) -> newEvent.toggleCategory(c, b.withoutId()))
                        .on(EventButton.UndatedRegion.class, (c, b) -> newEvent.toggleRegion(c, b.withoutId()))
                        .on(EventButton.UndatedNarrow.class, (c, b) -> newEvent.narrow(c, b.withoutId()))
                        .on(EventButton.UndatedPreview.class, (c, b) -> newEvent.backToPreview(c, b.withoutId()))
                        .on(EventButton.UndatedAnnounce.class, (c, b) -> newEvent.announce(c, b.withoutId()))
                        .on(EventButton.UndatedDiscard.class, (c, b) -> newEvent.discard(c, b.withoutId()))
                        .on(EventButton.Change.class, change::start)
                        .on(EventButton.ChangeSave.class, change::save)
                        .on(EventButton.ChangeDiscard.class, change::discard)
                        .on(EventButton.Cancel.class, staff::cancel)
                        .on(EventButton.CancelConfirmed.class, staff::cancelConfirmed)
                        .on(EventButton.Attendance.class, staff::attendance)
                        .on(EventButton.Attended.class, staff::attended)
                        .on(EventButton.AttendancePage.class, staff::attendancePage)
                        .on(EventButton.AttendedOnPage.class, staff::attendedOnPage)
                        .build())
                .routine(reminders)
                .web(new CalendarPages(events.events(), events.replies(), events.feeds(), store.members(), ics,
                        services.messages(), services.clock()))
                .web(new EventsDashboard(events.figures(), new StaffSessions(store.webLogins(), services.config()),
                        services.messages(), zone))
                .staffPage(new StaffPage("events-link", "web.events.title", "/dashboard/events"));
    }
}
