package org.ccin.bot.events;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.events.Answer;
import org.ccin.store.events.Event;
import org.ccin.store.events.ReplyRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** How an event is shown in chat: its card (what, when, where, places left, one's answer) and its buttons. */
final class EventCards {
    private final ReplyRepository replies;
    private final Clock clock;
    private final ZoneId zone;

    EventCards(ReplyRepository replies, Clock clock, ZoneId zone) {
        this.replies = replies;
        this.clock = clock;
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /** The card's text; {@code answer} is the reader's own, if they gave one. */
    String text(Event event, Optional<Answer> answer, Texts texts) {
        StringBuilder text = new StringBuilder(texts.get("events.card.title", "title", event.title()));
        text.append("\n").append(when(event, texts));
        event.place().ifPresent(place -> text.append("\n").append(texts.get("events.place", "place", place)));
        if (event.onlineLink().isPresent()) {
            text.append("\n").append(texts.get("events.online"));
        }
        if (!event.description().isBlank()) {
            text.append("\n\n").append(texts.get("events.card.description", "description", event.description()));
        }
        event.capacity().ifPresent(capacity -> text.append("\n\n").append(texts.get("events.card.places",
                "left", Math.max(0, capacity - replies.countGoing(event.id())), "capacity", capacity)));
        if (event.isCancelled()) {
            text.append("\n\n").append(texts.get("events.card.cancelled"));
        } else {
            answer.ifPresent(a -> text.append("\n\n").append(texts.get("events.card.yours", "answer",
                    texts.plain(answerKey(a)))));
        }
        return text.toString();
    }

    /** "Friday 27 November 2026, 12:00 – 15:00", with the end's date when it ends another day. */
    String when(Event event, Texts texts) {
        ZonedDateTime start = event.startsAt().atZone(zone);
        ZonedDateTime end = event.endsAt().atZone(zone);
        String until = start.toLocalDate().equals(end.toLocalDate()) ? texts.time(end) : texts.dateTime(end);
        return texts.get("events.card.when", "start", texts.dateTime(start), "end", until);
    }

    /**
     * Going / Maybe / Can't (the reader's own marked) while it takes answers, the .ics, and for staff their tools.
     */
    InlineKeyboardMarkup keyboard(Event event, Optional<Answer> answer, Texts texts, boolean staff) {
        Keyboard keyboard = Keyboard.create();
        if (event.takesAnswers(clock.instant())) {
            keyboard.row();
            for (Answer option : Answer.values()) {
                String label = texts.plain(answerKey(option));
                keyboard.button(answer.filter(option::equals).isPresent() ? "✓ " + label : label,
                        EventButton.SET.data(new EventButton.Reply(event.id(), option)));
            }
            keyboard.row().button(texts.plain("events.button.ics"),
                    EventButton.SET.data(new EventButton.Ics(event.id())));
        }
        if (staff) {
            keyboard.row().button(texts.plain("events.button.attendance"),
                    EventButton.SET.data(new EventButton.Attendance(event.id())));
            if (event.takesAnswers(clock.instant())) {
                keyboard.button(texts.plain("events.button.cancel"),
                        EventButton.SET.data(new EventButton.Cancel(event.id())));
                keyboard.row().button(texts.plain("events.button.change"),
                        EventButton.SET.data(new EventButton.Change(event.id())));
            }
        }
        return keyboard.build();
    }

    static String answerKey(Answer answer) {
        return "events.answer." + answer.name().toLowerCase(java.util.Locale.ROOT);
    }
}
