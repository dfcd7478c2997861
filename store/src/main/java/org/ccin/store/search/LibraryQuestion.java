package org.ccin.store.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a question to the library is about, in the library's own words: the words that only say "I am asking for
 * case studies" ("has anyone done", "examples of", "case studies") are dropped, and Welsh words are put in English
 * ("tai yng Nghymru" → housing wales), so that they are neither searched for nor "corrected" into other words.
 */
public final class LibraryQuestion {
    /** Words of the asking, not of the subject; English and Welsh. */
    private static final Set<String> ASKING = Set.of("case", "cases", "study", "studies", "example", "examples",
            "anyone", "anybody", "someone", "has", "have", "had", "done", "doing", "know", "knows", "give", "list",
            "looking", "look", "want", "wants", "need", "needs", "ideas", "idea", "got", "other", "others", "else",
            "library", "share", "like", "similar", "tried", "try", "would", "should", "ever", "been", "more",
            "astudiaethau", "astudiaeth", "achos", "enghreifftiau", "enghraifft", "oes", "unrhyw", "rhywun", "wedi",
            "gwneud", "yng", "ym", "yn", "mewn", "sut", "beth", "pwy", "ble", "o", "gan", "ac", "ydy", "oedd", "am",
            "dangos", "chwilio", "hoffwn", "eisiau");

    private LibraryQuestion() {
    }

    /** The subject words of a question, Welsh put in English (a Welsh phrase stays one entry). */
    public static List<String> subject(String typed) {
        List<String> words = new ArrayList<>();
        for (String word : WelshWords.inEnglish(SearchTerms.words(typed))) {
            if (!ASKING.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The subject as text to search. */
    public static String subjectText(String typed) {
        return String.join(" ", subject(typed));
    }
}
