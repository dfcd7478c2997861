package org.ccin.bot.i18n;

import com.ibm.icu.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The texts of one language, filled in with ICU MessageFormat: named placeholders ({name}) and plural forms by the
 * language's own rules ({count, plural, one {# member} other {# members}}; Welsh has zero, one, two, few, many and
 * other). Immutable.
 */
public final class Texts {
    private final Messages messages;
    private final Language language;

    Texts(Messages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /**
     * The text for a key, with placeholders filled from name/value pairs: {@code get("hello", "name", "Ada")}.
     * Values are HTML-escaped; use {@link Html#trusted} for a value that is already safe HTML. A value chooses a
     * plural form when the text asks for one. Filled in one pass: a value that holds "{id}" is shown as it is.
     */
    public String get(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders come in name/value pairs: " + key);
        }
        Messages.Compiled compiled = messages.compiled(language, key);
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = String.valueOf(namesAndValues[i]);
            Object value = namesAndValues[i + 1];
            if (compiled.choosers().contains(name) && value instanceof Number) {
                values.put(name, value); // a plural picks its form by the number
            } else if (compiled.choosers().contains(name) && String.valueOf(value).matches("-?\\d{1,18}")) {
                values.put(name, Long.parseLong(String.valueOf(value)));
            } else {
                values.put(name, value instanceof Html.Trusted trusted ? trusted.html()
                        : Html.escape(String.valueOf(value)));
            }
        }
        MessageFormat format = compiled.format();
        return format.format(values);
    }

    // ------------------------------------------------------------------ dates, the one place they are worded

    /** "25 November 2026" ("25 Tachwedd 2026"). */
    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()));
    }

    /** "November 2026" ("Tachwedd 2026"), for a figure or target of a whole month. */
    public String monthYear(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("MMMM yyyy", language.locale()));
    }

    /** "25 Nov 2026", where space is short (cards, lists). */
    public String shortDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMM yyyy", language.locale()));
    }

    /** "25 Nov", where the year goes without saying (the weeks of a short period). */
    public String dayMonth(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMM", language.locale()));
    }

    /** "Wednesday 25 November", with the year only when it is not {@code thisYear}. */
    public String dayDate(LocalDate date, int thisYear) {
        return date.format(DateTimeFormatter.ofPattern(date.getYear() == thisYear ? "EEEE d MMMM" : "EEEE d MMMM yyyy",
                language.locale()));
    }

    /** "Wednesday 25 November 2026, 09:00", for a time someone chooses (a newsletter's). */
    public String dateTime(ZonedDateTime at) {
        return at.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", language.locale()));
    }

    /** "25 Nov, 09:00". */
    public String shortDateTime(ZonedDateTime at) {
        return at.format(DateTimeFormatter.ofPattern("d MMM, HH:mm", language.locale()));
    }

    /** "09:00". */
    public String time(ZonedDateTime at) {
        return at.format(DateTimeFormatter.ofPattern("HH:mm", language.locale()));
    }

    /** The same text as plain words, for places that show no formatting (buttons, pop-up answers). */
    public String plain(String key, Object... namesAndValues) {
        return Html.strip(get(key, namesAndValues));
    }
}
