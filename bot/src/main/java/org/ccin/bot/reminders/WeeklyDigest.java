package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.PlanWords;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.ActionNote;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.LeadRepository;
import org.ccin.store.reminders.ProgressRepository;
import org.ccin.store.reminders.ProgressUpdate;

/**
 * The staff's weekly digest: the traffic lights of the current plan, what changed in the week, the overdue
 * milestones, and the actions nobody is linked to (nobody to remind). Sent once a week, at the configured day and
 * time; a digest missed while the bot was down goes out when it starts, on that day. Every note leads wrote in the
 * week follows in full, in as many messages as they need: the digest's own lists are cut, notes never are.
 */
final class WeeklyDigest {
    /** Lists are cut here so that the digest stays well inside one Telegram message. */
    private static final int LIST_LIMIT = 15;
    /** Notes per message are counted in characters, so that a message stays inside Telegram's 4,096. */
    private static final int NOTES_CHARS_PER_MESSAGE = 3000;
    private static final int NOTE_LINE_EXTRA = 150;

    private final PlanRepository plans;
    private final ProgressRepository progress;
    private final LeadRepository leads;
    private final StaffNotices staff;
    private final ReminderCards cards;
    private final Clock clock;
    private final ZoneId zone;
    private final DayOfWeek day;
    private final LocalTime time;

    WeeklyDigest(RemindersData data, StaffNotices staff, ReminderCards cards, Clock clock, ZoneId zone,
                 DayOfWeek day, LocalTime time) {
        this.plans = data.plans();
        this.progress = data.progress();
        this.leads = data.leads();
        this.staff = staff;
        this.cards = cards;
        this.clock = clock;
        this.zone = zone;
        this.day = day;
        this.time = time;
    }

    /** Sends this week's digest when its time has come and it was not sent yet. @return whether it was due */
    boolean runIfDue() {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime slot = now.toLocalDate().with(TemporalAdjusters.previousOrSame(day)).atTime(time).atZone(zone);
        // on the digest's own day only: a digest caught up later in the week would be stale
        if (now.isBefore(slot) || !now.toLocalDate().equals(slot.toLocalDate())) {
            return false;
        }
        String week = slot.get(IsoFields.WEEK_BASED_YEAR) + "-W" + slot.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (!staff.told("digest:" + week)) {
            List<ActionNote> notes = plans.notesSince(clock.instant().minus(Duration.ofDays(7)));
            staff.tell("digest:" + week, 0, this::render);
            List<List<ActionNote>> parts = notesInParts(notes);
            for (int i = 0; i < parts.size(); i++) {
                int part = i + 1;
                staff.tell("digest:" + week + ":notes:" + part, 0,
                        texts -> renderNotes(texts, parts.get(part - 1), part, parts.size(), notes.size()));
            }
        }
        return true;
    }

    /** The week's notes cut into messages by length, in the order they were written. */
    static List<List<ActionNote>> notesInParts(List<ActionNote> notes) {
        List<List<ActionNote>> parts = new ArrayList<>();
        List<ActionNote> current = new ArrayList<>();
        int length = 0;
        for (ActionNote note : notes) {
            int size = Math.min(note.text().length(), NOTES_CHARS_PER_MESSAGE) + NOTE_LINE_EXTRA;
            if (!current.isEmpty() && length + size > NOTES_CHARS_PER_MESSAGE) {
                parts.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(note);
            length += size;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** One message of the week's notes: every note in full, with its action, who and when. */
    String renderNotes(Texts texts, List<ActionNote> notes, int part, int parts, int total) {
        StringBuilder text = new StringBuilder(parts == 1 ? texts.get("rem.digest.notes", "count", total)
                : texts.get("rem.digest.notes.part", "count", total, "part", part, "parts", parts));
        for (ActionNote note : notes) {
            String code = plans.action(note.actionId()).map(Action::code).orElse("?");
            String words = note.text().length() <= NOTES_CHARS_PER_MESSAGE ? note.text()
                    : note.text().substring(0, NOTES_CHARS_PER_MESSAGE - 1) + "…";
            text.append("\n\n").append(texts.get("rem.digest.note.line", "code", code,
                    "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts), "note", words));
        }
        return text.toString();
    }

    /** The digest as of now, in one language. */
    String render(Texts texts) {
        LocalDate today = cards.today();
        StringBuilder text = new StringBuilder(texts.get("rem.digest.title", "date", cards.date(texts, today)));
        Map<Progress, Integer> counts = plans.currentProgressCounts();
        text.append("\n\n").append(texts.get("rem.digest.lights",
                "ontrack", counts.getOrDefault(Progress.ON_TRACK, 0), "atrisk", counts.getOrDefault(Progress.AT_RISK, 0),
                "blocked", counts.getOrDefault(Progress.BLOCKED, 0),
                "notstarted", counts.getOrDefault(Progress.NOT_STARTED, 0),
                "complete", counts.getOrDefault(Progress.COMPLETE, 0)));

        List<String> changes = new ArrayList<>();
        for (ProgressUpdate update : progress.since(clock.instant().minus(Duration.ofDays(7)))) {
            changes.add(texts.get("rem.digest.change", "code", update.actionCode(),
                    "answer", texts.plain("rem.answer." + update.answer().name()),
                    "who", update.who().map(w -> w.isEmpty() ? texts.plain("rem.digest.former") : w)
                            .orElse(texts.plain("rem.digest.staff")), "note", update.note().map(n -> ": " + shorten(n)).orElse("")));
        }
        section(text, texts, "rem.digest.changed", changes);

        List<String> overdue = new ArrayList<>();
        for (Action action : plans.overdue(today)) {
            for (Milestone milestone : action.milestones()) {
                if (!milestone.done() && milestone.dueDate().isPresent() && milestone.dueDate().get().isBefore(today)) {
                    overdue.add(texts.get("rem.digest.overdue.line", "code", action.code(),
                            "milestone", milestone.label(), "due", cards.dueWords(texts, milestone.dueDate().get(), today)));
                }
            }
        }
        section(text, texts, "rem.digest.overdue", overdue);

        List<String> orphans = new ArrayList<>();
        for (long id : leads.actionsWithoutLead()) {
            plans.action(id).ifPresent(a -> orphans.add(texts.get("rem.digest.nolead.line", "code", a.code(),
                    "leads", a.leads().isEmpty() ? "-" : String.join(", ", a.leads()))));
        }
        section(text, texts, "rem.digest.nolead", orphans);
        return text.toString();
    }

    private static String shorten(String note) {
        return note.length() <= 120 ? note : note.substring(0, 119) + "…";
    }

    private static void section(StringBuilder text, Texts texts, String key, List<String> lines) {
        text.append("\n\n").append(texts.get(key, "count", lines.size()));
        if (lines.isEmpty()) {
            text.append('\n').append(texts.get("rem.digest.none"));
            return;
        }
        lines.stream().limit(LIST_LIMIT).forEach(line -> text.append('\n').append(line));
        if (lines.size() > LIST_LIMIT) {
            text.append('\n').append(texts.get("rem.digest.more", "count", lines.size() - LIST_LIMIT));
        }
    }

}
