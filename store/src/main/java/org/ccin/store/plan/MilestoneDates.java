package org.ccin.store.plan;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a milestone label stands for. Plans often give seasons ("Summer 2024"): each season ends on a
 * configurable day (by default spring 31 May, summer 31 August, autumn 30 November, winter the end of February of
 * the following year). A month ("March 2025") is its last day; a date is itself; anything else has no date.
 */
public final class MilestoneDates {
    private static final Pattern SEASON = Pattern.compile("(?i)\\b(spring|summer|autumn|fall|winter)\\s+(\\d{4})\\b");
    private static final Pattern MONTH = Pattern.compile(
            "(?i)\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2}\\s+[a-z]+\\s+\\d{4})\\b");
    private static final Pattern YEAR_END = Pattern.compile("(?i)\\b(?:end of|by)\\s+(\\d{4})\\b");

    private final Map<String, MonthDay> seasonEnds;

    /** @param seasonEnds season name (spring, summer, autumn, winter) → the day it ends */
    public MilestoneDates(Map<String, MonthDay> seasonEnds) {
        this.seasonEnds = Map.copyOf(seasonEnds);
    }

    public static MilestoneDates defaults() {
        return new MilestoneDates(Map.of("spring", MonthDay.of(5, 31), "summer", MonthDay.of(8, 31),
                "autumn", MonthDay.of(11, 30), "winter", MonthDay.of(2, 29)));
    }

    public Optional<LocalDate> dueDate(String label) {
        Matcher iso = ISO.matcher(label);
        if (iso.find()) {
            try {
                return Optional.of(LocalDate.parse(iso.group(1)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher dayMonthYear = DAY_MONTH_YEAR.matcher(label);
        if (dayMonthYear.find()) {
            try {
                return Optional.of(LocalDate.parse(capitalise(dayMonthYear.group(1)),
                        DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)));
            } catch (DateTimeParseException e) {
                // not a date after all, e.g. "12 members 2024"
            }
        }
        Matcher season = SEASON.matcher(label);
        if (season.find()) {
            String name = season.group(1).toLowerCase(Locale.ROOT).replace("fall", "autumn");
            int year = Integer.parseInt(season.group(2));
            MonthDay end = seasonEnds.get(name);
            // winter 2024 runs into 2025 when it ends in the new year
            int dueYear = name.equals("winter") && end.getMonthValue() < 7 ? year + 1 : year;
            return Optional.of(YearMonth.of(dueYear, end.getMonth())
                    .atDay(Math.min(end.getDayOfMonth(), YearMonth.of(dueYear, end.getMonth()).lengthOfMonth())));
        }
        Matcher month = MONTH.matcher(label);
        if (month.find()) {
            return Optional.of(YearMonth.of(Integer.parseInt(month.group(2)),
                    Month.valueOf(month.group(1).toUpperCase(Locale.ROOT))).atEndOfMonth());
        }
        Matcher yearEnd = YEAR_END.matcher(label);
        if (yearEnd.find()) {
            return Optional.of(LocalDate.of(Integer.parseInt(yearEnd.group(1)), 12, 31));
        }
        return Optional.empty();
    }

    /**
     * The days a season covers, as a half-open run of whole days from the day after the previous season ends to the
     * day this one ends: with the default ends, autumn 2024 is 1 September to 30 November 2024, so "due in autumn"
     * never includes a summer milestone due on 31 August.
     *
     * @param season spring, summer, autumn (or fall) or winter
     * @return empty when the name is not a season
     */
    public Optional<DateRange> season(String season, int year) {
        String name = season.toLowerCase(Locale.ROOT).replace("fall", "autumn");
        int index = SEASONS.indexOf(name);
        if (index < 0) {
            return Optional.empty();
        }
        LocalDate end = dueDate(name + " " + year).orElseThrow();
        LocalDate previousEnd = index == 0 ? dueDate("winter " + (year - 1)).orElseThrow()
                : dueDate(SEASONS.get(index - 1) + " " + year).orElseThrow();
        return Optional.of(new DateRange(previousEnd.plusDays(1), end));
    }

    private static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter");

    private static String capitalise(String text) {
        String[] parts = text.trim().split("\\s+");
        parts[1] = parts[1].substring(0, 1).toUpperCase(Locale.ROOT) + parts[1].substring(1).toLowerCase(Locale.ROOT);
        return String.join(" ", parts);
    }
}
