package org.ccin.bot.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventInputTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    @DisplayName("Dates are read day first or year first, in the network's zone, across the clock change")
    void dates() {
        assertThat(EventInput.dateTime("3/12/2026 18:00", LONDON).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2026-12-03T18:00:00Z"));
        assertThat(EventInput.dateTime("03.07.2026 18.30", LONDON).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2026-07-03T17:30:00Z"));
        assertThat(EventInput.dateTime(" 2026-07-03T09:05 ", LONDON).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2026-07-03T08:05:00Z"));
        assertThat(EventInput.dateTime("31/2/2027 10:00", LONDON)).isEmpty();
        assertThat(EventInput.dateTime("3/12/2026 25:00", LONDON)).isEmpty();
        assertThat(EventInput.dateTime("tomorrow at six", LONDON)).isEmpty();
        assertThat(EventInput.dateTime("3/12/2026", LONDON)).isEmpty();
    }

    @Test
    @DisplayName("An end is a time on the start's day, or a full date and time")
    void ends() {
        ZonedDateTime start = ZonedDateTime.of(2026, 12, 3, 18, 0, 0, 0, LONDON);

        assertThat(EventInput.end("20:00", start)).contains(ZonedDateTime.of(2026, 12, 3, 20, 0, 0, 0, LONDON));
        assertThat(EventInput.end("4/12/2026 13:00", start)).contains(ZonedDateTime.of(2026, 12, 4, 13, 0, 0, 0, LONDON));
        assertThat(EventInput.end("24:30", start)).isEmpty();
    }

    @Test
    @DisplayName("Links are web addresses with a host; capacities whole numbers from 1; a dash is none")
    void linksCapacitiesAndNone() {
        assertThat(EventInput.link("https://meet.example.org/a?b=c")).contains("https://meet.example.org/a?b=c");
        assertThat(EventInput.link("http://example.org")).isPresent();
        assertThat(EventInput.link("ftp://example.org")).isEmpty();
        assertThat(EventInput.link("javascript:alert(1)")).isEmpty();
        assertThat(EventInput.link("https://")).isEmpty();
        assertThat(EventInput.link("https://example.org/a b")).isEmpty();

        assertThat(EventInput.capacity("40")).contains(40);
        assertThat(EventInput.capacity("0")).isEmpty();
        assertThat(EventInput.capacity("-3")).isEmpty();
        assertThat(EventInput.capacity("2.5")).isEmpty();
        assertThat(EventInput.capacity("100001")).isEmpty();

        assertThat(EventInput.isNone(" - ")).isTrue();
        assertThat(EventInput.isNone("–")).isTrue();
        assertThat(EventInput.isNone("none")).isFalse();
    }
}
