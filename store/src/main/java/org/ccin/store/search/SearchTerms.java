package org.ccin.store.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into plain search words: letters and digits only, lower case, without the words every
 * question has ("what", "the", "is"). Nothing of the input's own syntax survives, so quotes, stars, NEAR, AND,
 * brackets or "column:" cannot reach FTS5 as operators. Long input is cut, not refused.
 */
public final class SearchTerms {
    /** Enough for any question; a 4,000-character message is searched by its beginning. */
    public static final int MAX_INPUT = 300;
    public static final int MAX_WORDS = 12;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "not", "of", "in", "on", "at",
            "to", "for", "by", "with", "about", "is", "are", "was", "were", "be", "what", "whats", "who", "whom",
            "which", "when", "where", "how", "why", "do", "does", "did", "there", "any", "some", "me", "my", "i",
            "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "show", "find", "tell",
            "please", "can", "could", "happening", "going", "near", "from", "s", "y", "yr", "a'r", "ar", "am", "i'r",
            // words that say nothing of a subject yet are in most texts, so a question holding one ("youth services
            // run as a co-op") matched nearly every study when no study held all its words
            "as", "they", "them", "their", "he", "she", "his", "her", "us", "so", "if", "but", "than", "then",
            "into", "also", "just", "very", "such", "will", "all");

    private SearchTerms() {
    }

    /** The words of a text, normalised, stop words removed, at most {@link #MAX_WORDS}. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : allWords(text)) {
            if (!STOP_WORDS.contains(word) && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /** Every word of a text, normalised (no stop-word removal): for matching phrases like synonyms. */
    public static List<String> allWords(String text) {
        String cut = text == null ? "" : text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        String folded = Normalizer.normalize(cut, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(folded);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** A word or phrase as an FTS5 string: always double-quoted, so it is never read as syntax. */
    public static String quoted(String phrase) {
        return "\"" + phrase.replace("\"", "") + "\"";
    }
}
