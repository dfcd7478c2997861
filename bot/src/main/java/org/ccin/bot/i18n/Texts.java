package org.ccin.bot.i18n;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The texts of one language, with placeholders filled in. Immutable. */
public final class Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

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
     * Values are HTML-escaped; use {@link Html#trusted} for a value that is already safe HTML. When the value of
     * {@code count} is 1 and the bundle has a text {@code <key>.one}, that one is used ("1 person", not "1 people").
     */
    public String get(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders come in name/value pairs: " + key);
        }
        String text = (isOne(namesAndValues) ? messages.find(language, key + ".one") : Optional.<String>empty())
                .orElseGet(() -> messages.raw(language, key));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            values.put(String.valueOf(namesAndValues[i]), value instanceof Html.Trusted
                    ? ((Html.Trusted) value).html() : Html.escape(String.valueOf(value)));
        }
        // one pass over the text: a value that holds "{id}" is shown as it is, never filled in turn
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 32);
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static boolean isOne(Object[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if ("count".equals(namesAndValues[i]) && namesAndValues[i + 1] instanceof Number
                    && ((Number) namesAndValues[i + 1]).longValue() == 1) {
                return true;
            }
        }
        return false;
    }

    /** The same text as plain words, for places that show no formatting (buttons, pop-up answers). */
    public String plain(String key, Object... namesAndValues) {
        return Html.strip(get(key, namesAndValues));
    }
}
