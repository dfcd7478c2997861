package org.ccin.bot.labs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date and time staff type for a round ("2026-12-16 17:00", "16/12/2026 17:00", or a date alone, which takes a
 * default time), read in the network's zone, so that "17:00" is 17:00 in London in summer and in winter.
 */
final class TypedTimes {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2}))?");
    private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2}))?");

    private TypedTimes() {
    }

    static Optional<Instant> parse(String typed, ZoneId zone, LocalTime defaultTime) {
        String text = typed.strip();
        Matcher iso = ISO.matcher(text);
        Matcher uk = UK.matcher(text);
        try {
            if (iso.matches()) {
                return Optional.of(at(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)), iso.group(4), iso.group(5), zone, defaultTime));
            }
            if (uk.matches()) {
                return Optional.of(at(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                        Integer.parseInt(uk.group(1)), uk.group(4), uk.group(5), zone, defaultTime));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Instant at(int year, int month, int day, String hour, String minute, ZoneId zone,
                              LocalTime defaultTime) {
        LocalTime time = hour == null ? defaultTime : LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
        return LocalDate.of(year, month, day).atTime(time).atZone(zone).toInstant();
    }
}
