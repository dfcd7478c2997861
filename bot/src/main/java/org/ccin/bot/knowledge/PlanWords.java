package org.ccin.bot.knowledge;

import java.time.LocalDate;
import java.time.ZoneId;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.plan.ActionNote;

/**
 * The words the plan is shown with wherever it appears (chat cards, /plan, the dashboard): overdue since when, and
 * who wrote a note when. Stateless.
 */
public final class PlanWords {
    public static final String OVERDUE_MARK = "⏰";

    private PlanWords() {
    }

    /** "31 Aug 2024" (Welsh "31 Awst 2024"). */
    public static String shortDate(LocalDate date, Texts texts) {
        return texts.shortDate(date);
    }

    /** "⏰ overdue since 31 Aug 2024". */
    public static String overdue(LocalDate since, Texts texts) {
        return texts.plain("plan.overdue.since", "date", shortDate(since, texts));
    }

    /** Who wrote a note, as the plan may say it: the lead's name in the plan, never the member's own. */
    public static String author(ActionNote note, Texts texts) {
        switch (note.author()) {
            case FORMER_LEAD: return texts.plain("plan.note.by.former");
            case STAFF: return texts.plain("plan.note.by.staff");
            default: return note.leadName().orElse(texts.plain("plan.note.by.lead"));
        }
    }

    /** The day a note was written, in the network's time zone. */
    public static String noteDate(ActionNote note, ZoneId zone, Texts texts) {
        return shortDate(note.at().atZone(zone).toLocalDate(), texts);
    }
}
