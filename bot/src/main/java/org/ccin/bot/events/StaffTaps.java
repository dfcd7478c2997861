package org.ccin.bot.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;

/**
 * Staff's taps on an event (the button set's guard has checked they are staff): cancelling it, behind a question
 * whose Yes carries a one-time id, and the attendance tap list once it has started,
 * a page at a time ({@link AttendanceList}).
 */
final class StaffTaps {
    private static final Duration QUESTION_LIFETIME = Duration.ofMinutes(15);

    private final EventRepository events;
    private final ReplyRepository replies;
    private final Confirmations confirmations;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final EventCards cards;
    private final Messages messages;
    private final LanguagePreference languages;
    private final AuditLog audit;
    private final Clock clock;
    private final AttendanceList attendanceList;

    StaffTaps(EventRepository events, ReplyRepository replies, Confirmations confirmations, OutboxRepository outbox,
              OutboxDispatcher dispatcher, EventCards cards, Messages messages, LanguagePreference languages,
              AuditLog audit, Clock clock) {
        this.events = events;
        this.replies = replies;
        this.confirmations = confirmations;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.cards = cards;
        this.messages = messages;
        this.languages = languages;
        this.audit = audit;
        this.clock = clock;
        this.attendanceList = new AttendanceList(replies);
    }

    void cancel(Context context, EventButton.Cancel button) {
        Texts texts = context.texts();
        Optional<Event> event = events.find(button.event()).filter(e -> e.takesAnswers(clock.instant()));
        if (event.isEmpty()) {
            context.reply().alert(texts.plain("events.closed"));
            return;
        }
        String once = confirmations.issue(context.userId(), purpose(event.get().id()), QUESTION_LIFETIME);
        context.reply().answer("");
        context.reply().show(texts.get("events.cancel.question", "title", event.get().title(), "going",
                replies.countGoing(event.get().id())), Keyboard.create().row()
                .button(texts.plain("events.button.cancel.yes"),
                        EventButton.SET.data(new EventButton.CancelConfirmed(event.get().id(), once)))
                .button(texts.plain("events.button.cancel.no"), EventButton.SET.data(new EventButton.Open(
                        event.get().id()))).build());
    }

    void cancelConfirmed(Context context, EventButton.CancelConfirmed button) {
        Texts texts = context.texts();
        if (!confirmations.use(button.once(), context.userId(), purpose(button.event()))) {
            context.reply().alert(texts.plain("button.stale"));
            return;
        }
        Optional<Event> event = events.find(button.event());
        if (event.isEmpty() || !events.cancel(button.event())) {
            context.reply().alert(texts.plain("events.closed"));
            return;
        }
        int told = tellCancelled(event.get());
        audit.record(Optional.of(context.userId()), "event.cancelled", "event " + event.get().id() + ": "
                + event.get().title(), told + " told");
        context.reply().answer(texts.plain("events.cancelled.short"));
        context.reply().show(texts.get("events.cancelled", "title", event.get().title(), "count", told), null);
    }

    /** Those going or perhaps going hear that it is off, once each. @return how many */
    private int tellCancelled(Event event) {
        List<OutboxMessage> notices = new java.util.ArrayList<>();
        for (ReplyRepository.Replier replier : replies.repliers(event.id())) {
            if (replier.answer() == Answer.NOT_GOING) {
                continue;
            }
            Texts texts = messages.in(languages.of(replier.telegramUserId()));
            String html = texts.get("events.cancelled.notice", "title", event.title(), "when",
                    cards.when(event, texts));
            notices.add(new OutboxMessage(Invitations.KIND + ":" + event.id() + ":cancelled:" + replier.memberId(),
                    OutboxLane.REMINDER, Invitations.KIND, event.id(), replier.telegramUserId(),
                    OutgoingMessage.text(html, null).json(), clock.instant()));
        }
        if (outbox.enqueue(notices) > 0) {
            dispatcher.wake();
        }
        return notices.size();
    }

    void attendance(Context context, EventButton.Attendance button) {
        openList(context, button.event(), 0);
    }

    void attendancePage(Context context, EventButton.AttendancePage button) {
        openList(context, button.event(), button.page());
    }

    private void openList(Context context, long eventId, int page) {
        Optional<Event> event = events.find(eventId);
        Texts texts = context.texts();
        if (event.isEmpty()) {
            context.reply().alert(texts.plain("events.unknown"));
            return;
        }
        if (event.get().startsAt().isAfter(clock.instant())) {
            context.reply().alert(texts.plain("events.attendance.not.yet"));
            return;
        }
        context.reply().answer("");
        attendanceList.show(context, event.get(), page);
    }

    /** A tap from a list sent before it had pages: marks, then shows the page of that person. */
    void attended(Context context, EventButton.Attended button) {
        mark(context, button.event(), button.member())
                .ifPresent(event -> attendanceList.showPageOf(context, event, button.member()));
    }

    void attendedOnPage(Context context, EventButton.AttendedOnPage button) {
        mark(context, button.event(), button.member())
                .ifPresent(event -> attendanceList.show(context, event, button.page()));
    }

    /**
     * Turns one person's mark over, when the event has started and they answered it. @return the event, or empty
     * (and the staff member told) when nothing changed
     */
    private Optional<Event> mark(Context context, long eventId, long memberId) {
        Texts texts = context.texts();
        Optional<Event> event = events.find(eventId).filter(e -> !e.startsAt().isAfter(clock.instant()));
        Optional<ReplyRepository.Replier> replier = event.isEmpty() ? Optional.empty()
                : replies.repliers(eventId).stream().filter(r -> r.memberId() == memberId).findFirst();
        if (replier.isEmpty()
                || !replies.setAttended(eventId, memberId, !replier.get().attended(), context.userId())) {
            context.reply().alert(texts.plain("events.attendance.unknown"));
            return Optional.empty();
        }
        audit.record(Optional.of(context.userId()), "event.attendance", Optional.empty(),
                Optional.of(replier.get().telegramUserId()), "event " + eventId,
                replier.get().attended() ? "not there" : "there");
        context.reply().answer("");
        return event;
    }

    private static String purpose(long eventId) {
        return "event-cancel:" + eventId;
    }
}
