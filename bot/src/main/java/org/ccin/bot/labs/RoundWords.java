package org.ccin.bot.labs;

import java.time.Instant;
import java.time.ZoneId;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.labs.Round;

/** How a round is named and dated for people, in the network's zone. */
final class RoundWords {
    private final ZoneId zone;

    RoundWords(ZoneId zone) {
        this.zone = zone;
    }

    /** "Policy Lab round 3" (plain text, safe in HTML). */
    String name(Texts texts, Round round) {
        return texts.plain("labs.round.name", "kind", round.kind().name(), "id", String.valueOf(round.id()));
    }

    /** "Wednesday 16 December 2026, 17:00". */
    String when(Texts texts, Instant at) {
        return texts.dateTime(at.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }
}
