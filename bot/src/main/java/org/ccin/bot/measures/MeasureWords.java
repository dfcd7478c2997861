package org.ccin.bot.measures;

import java.util.List;
import java.util.Set;
import org.ccin.store.search.EditDistance;
import org.ccin.store.search.SearchTerms;
import org.ccin.store.search.WelshWords;

/**
 * How a typed word is compared with a word of a measure's name: the same word, its singular, a Welsh word with its
 * initial mutation undone (gynghorau → cynghorau), or a typo of it (memebrs, polcy). A typo counts for less, so that
 * "participation" prefers "Percentage participation" to "Councils participating".
 */
final class MeasureWords {
    static final double EXACT = 1.0;
    static final double TYPO = 0.8;

    /** Words that carry no meaning in a measure's name or in a question about one, English and Welsh. */
    static final Set<String> FILLER = Set.of("how", "many", "much", "what", "whats", "which", "is", "are", "was",
            "were", "be", "been", "the", "a", "an", "of", "in", "on", "for", "to", "at", "by", "and", "do", "does",
            "did", "we", "us", "our", "you", "have", "has", "had", "there", "now", "currently", "current", "today",
            "this", "that", "it", "its", "so", "far", "latest", "number", "no", "total", "count", "figure", "figures",
            "measure", "measures", "target", "targets", "trend", "trends", "going", "doing", "get", "got", "year",
            "years", "last", "since", "with", "tell", "me", "please", "show", "give", "s", "right", "ccin",
            "network", "strategy", "july", "aim", "aims", "goal", "goals", "all", "list", "every", "each", "any",
            "faint", "sawl", "nifer", "o", "yr", "y", "r", "sydd", "gennym", "gyda", "ni", "nawr", "ar", "hyn", "bryd",
            "yn", "mae", "oedd", "roedd", "beth", "yw", "ydy", "ydi", "sut", "mynd", "targed", "targedau", "mesur",
            "mesurau", "ffigur", "ffigurau", "mewn", "i", "ac", "am", "eleni", "llynedd", "n", "sy", "gan", "ein",
            "rhwydwaith", "strategaeth", "gorffennaf", "pob", "holl");

    private MeasureWords() {
    }

    /** The meaningful words of a text, lower case, accents removed. */
    static List<String> content(String text) {
        return SearchTerms.allWords(text).stream().filter(w -> !FILLER.contains(w)).toList();
    }

    /** How well a typed word matches a word of a name: {@link #EXACT}, {@link #TYPO} or 0. */
    static double match(String typed, String word) {
        for (String form : WelshWords.radicals(typed)) {
            if (form.equals(word) || singular(form).equals(singular(word))) {
                return EXACT;
            }
        }
        String a = singular(typed);
        String b = singular(word);
        int longest = Math.max(a.length(), b.length());
        if (Math.min(a.length(), b.length()) < 3 || a.charAt(0) != b.charAt(0)) {
            return 0;
        }
        int allowed = longest >= 9 ? 2 : longest >= 4 ? 1 : 0;
        return Math.min(EditDistance.between(a, b), EditDistance.between(typed, word)) <= allowed ? TYPO : 0;
    }

    static boolean isTypoOf(String typed, String word) {
        return match(typed, word) > 0;
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
