package org.ccin.bot.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.Answer;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How a milestone is shown to its lead: in a reminder, in /myactions, and after they answered; and its answer
 * buttons. Dates are in words, in the reader's language and the bot's zone. Immutable.
 */
final class ReminderCards {
    private final ZoneId zone;
    private final Clock clock;

    ReminderCards(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The reminder itself: the action, the milestone and when it is due, seen from {@code today}. */
    String card(Texts texts, Action action, Milestone milestone, LocalDate today) {
        return texts.get("rem.card", "code", action.code(), "text", action.text(), "milestone", milestone.label(),
                "due", milestone.dueDate().map(due -> dueWords(texts, due, today)).orElse(texts.plain("rem.due.none")),
                "progress", progress(texts, action.progress()));
    }

    /** The card with the lead's answer under it, as the reminder reads once they answered. */
    String answered(Texts texts, Action action, Milestone milestone, LocalDate today, Answer answer, String who,
                    Instant at, Optional<Instant> snoozedUntil) {
        String line = texts.get("rem.answered." + answer.name(), "name", who, "time", time(texts, at),
                "until", snoozedUntil.map(u -> date(texts, u.atZone(zone).toLocalDate())).orElse(""));
        return card(texts, action, milestone, today) + "\n\n" + line;
    }

    /** The seven answers of a reminder. */
    InlineKeyboardMarkup buttons(Texts texts, long milestoneId) {
        return Keyboard.create()
                .row().button(texts.plain("rem.button.complete"), button(new ReminderButton.Complete(milestoneId)))
                .button(texts.plain("rem.button.ontrack"), button(new ReminderButton.OnTrack(milestoneId)))
                .row().button(texts.plain("rem.button.atrisk"), button(new ReminderButton.AtRisk(milestoneId)))
                .button(texts.plain("rem.button.blocked"), button(new ReminderButton.Blocked(milestoneId)))
                .row().button(texts.plain("rem.button.snooze"), button(new ReminderButton.Snooze(milestoneId)))
                .button(texts.plain("rem.button.note"), button(new ReminderButton.Note(milestoneId)))
                .row().button(texts.plain("rem.button.notme"), button(new ReminderButton.NotMe(milestoneId)))
                .build();
    }

    /** After an answer, only a note (and changing one's mind through /myactions) is left to do. */
    InlineKeyboardMarkup afterAnswer(Texts texts, long milestoneId) {
        return Keyboard.create().row().button(texts.plain("rem.button.note"), button(new ReminderButton.Note(milestoneId)))
                .button(texts.plain("rem.button.change"), button(new ReminderButton.Change(milestoneId))).build();
    }

    private static CallbackData button(ReminderButton button) {
        return ReminderButton.SET.data(button);
    }

    /** "in 3 days, Friday 12 July", "today, …", "10 days ago, … (overdue)". */
    String dueWords(Texts texts, LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        String date = date(texts, due);
        if (days > 1) {
            return texts.plain("rem.due.in", "days", days, "date", date);
        }
        if (days == 1) {
            return texts.plain("rem.due.tomorrow", "date", date);
        }
        if (days == 0) {
            return texts.plain("rem.due.today", "date", date);
        }
        if (days == -1) {
            return texts.plain("rem.due.yesterday", "date", date);
        }
        return texts.plain("rem.due.ago", "days", -days, "date", date);
    }

    /** "Friday 12 July", with the year when it is not this year's. */
    String date(Texts texts, LocalDate date) {
        return texts.dayDate(date, today().getYear());
    }

    String time(Texts texts, Instant at) {
        return texts.shortDateTime(at.atZone(zone));
    }

    static Html.Trusted progress(Texts texts, Progress progress) {
        return Html.trusted(texts.get("rem.progress." + progress.name()));
    }
}
