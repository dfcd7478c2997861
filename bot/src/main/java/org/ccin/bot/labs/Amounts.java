package org.ccin.bot.labs;

import java.math.BigInteger;
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

    /** Whole pounds; empty when it is not a sum of whole pounds (pence, words), or is {@link #tooLarge}. */
    static Optional<Long> parse(String typed) {
        return read(typed).filter(pounds -> pounds.compareTo(BigInteger.valueOf(LIMIT)) <= 0)
                .map(BigInteger::longValue);
    }

    /**
     * Whether it is written as a sum but is more than any round could hold (£100 million): people are told that
     * rather than that it is not a sum. Read as a big number, so twenty digits are not an error.
     */
    static boolean tooLarge(String typed) {
        return read(typed).filter(pounds -> pounds.compareTo(BigInteger.valueOf(LIMIT)) > 0).isPresent();
    }

    /** "£100,000,000": the most {@link #parse} reads. */
    static String limit() {
        return format(LIMIT);
    }

    private static Optional<BigInteger> read(String typed) {
        Matcher matcher = TYPED.matcher(typed.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigInteger pounds = new BigInteger(matcher.group(1).replace(",", ""));
        return Optional.of(matcher.group(2) != null ? pounds.multiply(BigInteger.valueOf(1000)) : pounds);
    }

    /** "£20,000". */
    static String format(long pounds) {
        return "£" + NumberFormat.getIntegerInstance(Locale.UK).format(pounds);
    }
}
