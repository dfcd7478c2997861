package org.ccin.bot.events;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what staff type while making an event: dates and times in the network's zone, a web address, a number. */
final class EventInput {
    /** "3/12/2026 18:00", "03.12.2026 18:00", "2026-12-03 18:00" (a "T" or a comma between also does). */
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})[ ,T]+(\\d{1,2})[:.](\\d{2})");
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[ ,T]+(\\d{1,2})[:.](\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    static final int MAX_CAPACITY = 100_000;
    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 2_000;

    private EventInput() {
    }

    /** A date with a time, in the zone (a time that a clock change skips moves on by the gap). */
    static Optional<ZonedDateTime> dateTime(String typed, ZoneId zone) {
        String text = typed.trim();
        Matcher day = DAY_FIRST.matcher(text);
        Matcher year = YEAR_FIRST.matcher(text);
        try {
            if (day.matches()) {
                return Optional.of(ZonedDateTime.of(LocalDateTime.of(Integer.parseInt(day.group(3)),
                        Integer.parseInt(day.group(2)), Integer.parseInt(day.group(1)), Integer.parseInt(day.group(4)),
                        Integer.parseInt(day.group(5))), zone));
            }
            if (year.matches()) {
                return Optional.of(ZonedDateTime.of(LocalDateTime.of(Integer.parseInt(year.group(1)),
                        Integer.parseInt(year.group(2)), Integer.parseInt(year.group(3)),
                        Integer.parseInt(year.group(4)), Integer.parseInt(year.group(5))), zone));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/2 or 25:00
        }
        return Optional.empty();
    }

    /** The end: a full date and time, or a time alone on the day of the start. */
    static Optional<ZonedDateTime> end(String typed, ZonedDateTime start) {
        Matcher time = TIME.matcher(typed.trim());
        if (time.matches()) {
            try {
                LocalDate day = start.toLocalDate();
                return Optional.of(ZonedDateTime.of(day, LocalTime.of(Integer.parseInt(time.group(1)),
                        Integer.parseInt(time.group(2))), start.getZone()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return dateTime(typed, start.getZone());
    }

    /** An https or http address with a host, as typed; nothing else goes into a button or a calendar. */
    static Optional<String> link(String typed) {
        String text = typed.trim();
        if (text.length() > 500 || text.contains(" ")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && !uri.getHost().isBlank() ? Optional.of(text) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A number of places from 1 to {@link #MAX_CAPACITY}. */
    static Optional<Integer> capacity(String typed) {
        String text = typed.trim();
        if (!text.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value >= 1 && value <= MAX_CAPACITY ? Optional.of(value) : Optional.empty();
    }

    /** "-" (or a dash of another width) for "none". */
    static boolean isNone(String typed) {
        String text = typed.trim();
        return text.equals("-") || text.equals("–") || text.equals("—");
    }
}
