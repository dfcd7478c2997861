package org.ccin.bot.labs;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sums of money as people type them ("£20,000", "20000", "20k", "2,500.00") and as the bot shows them. */
final class Amounts {
    private static final Pattern TYPED = Pattern.compile("£?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.00?)?\\s*(k|K)?");
    private static final long LIMIT = 100_000_000L;

    private Amounts() {
    }

    /** Whole pounds; empty when it is not a sum of whole pounds (pence, words, or absurdly large). */
    static Optional<Long> parse(String typed) {
        Matcher matcher = TYPED.matcher(typed.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long pounds = Long.parseLong(matcher.group(1).replace(",", ""));
        if (matcher.group(2) != null) {
            pounds *= 1000;
        }
        return pounds > LIMIT ? Optional.empty() : Optional.of(pounds);
    }

    /** "£20,000". */
    static String format(long pounds) {
        return "£" + NumberFormat.getIntegerInstance(Locale.UK).format(pounds);
    }
}
