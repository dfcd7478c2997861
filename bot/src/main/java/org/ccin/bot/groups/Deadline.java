package org.ccin.bot.groups;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ccin.bot.i18n.Texts;

/** Times and lengths of time as people read them: "12:03 on 25 November 2026", "14 days", "3 minutes". Pure logic. */
final class Deadline {
    private Deadline() {
    }

    /** A moment, in the network's zone, with the time of day (a grace period may be minutes long). */
    static String at(Instant instant, ZoneId zone, Texts texts) {
        ZonedDateTime local = instant.atZone(zone);
        return texts.plain("groups.deadline", "time", texts.time(local), "date", texts.date(local.toLocalDate()));
    }

    /** A length of time in the largest whole unit: days, else hours, else minutes (at least one). */
    static String length(Duration duration, Texts texts) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return texts.plain("groups.duration.days", "count", duration.toDays());
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return texts.plain("groups.duration.hours", "count", duration.toHours());
        }
        return texts.plain("groups.duration.minutes", "count", Math.max(1, duration.toMinutes()));
    }
}
