package org.ccin.store.casestudies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.search.EditDistance;
import org.jdbi.v3.core.Handle;

/**
 * Every word of the library as written, with how many studies hold it: read once into memory and kept while the
 * library does not change, because correcting a misspelt word compares it with every word that starts with the same
 * letter, and reading those from SQLite's vocabulary table took milliseconds a word (tens at 100,000 studies).
 * Immutable; kept by {@code CaseStudyRepository} until the library changes.
 */
final class LibraryVocabulary {
    private final Map<String, Integer> studies;
    /** The words by their first letter: a correction keeps the first letter, the one people rarely get wrong. */
    private final Map<Integer, List<String>> byFirstLetter = new HashMap<>();

    private LibraryVocabulary(Map<String, Integer> studies) {
        this.studies = studies;
        studies.keySet().forEach(word -> byFirstLetter.computeIfAbsent(word.codePointAt(0), k -> new ArrayList<>())
                .add(word));
    }

    /** The library's vocabulary as it is now. */
    static LibraryVocabulary read(Handle h) {
        Map<String, Integer> studies = new HashMap<>();
        h.createQuery("SELECT term, doc FROM case_studies_vocabulary")
                .map((rs, ctx) -> studies.put(rs.getString(1), rs.getInt(2))).list();
        return new LibraryVocabulary(studies);
    }

    boolean knows(String word) {
        return studies.containsKey(word);
    }

    /**
     * The closest word the library knows: same first letter, at most one edit for short words and two for longer
     * ones; on a tie, a word that holds every typed letter in order wins (a left-out letter is the commonest slip:
     * "welth" is "wealth" rather than "welsh"), then the more common word.
     */
    Optional<String> closest(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean bestHoldsWord = false;
        int bestStudies = 0;
        for (String candidate : byFirstLetter.getOrDefault(word.codePointAt(0), List.of())) {
            if (Math.abs(candidate.length() - word.length()) > allowed) {
                continue;
            }
            int distance = EditDistance.between(word, candidate);
            if (distance > allowed) {
                continue;
            }
            boolean holdsWord = subsequence(word, candidate);
            int count = studies.get(candidate);
            if (distance < bestDistance || distance == bestDistance
                    && (holdsWord && !bestHoldsWord || holdsWord == bestHoldsWord
                    && (count > bestStudies || count == bestStudies && candidate.compareTo(best) < 0))) {
                best = candidate;
                bestDistance = distance;
                bestHoldsWord = holdsWord;
                bestStudies = count;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean subsequence(String typed, String word) {
        int at = 0;
        for (int i = 0; i < word.length() && at < typed.length(); i++) {
            if (word.charAt(i) == typed.charAt(at)) {
                at++;
            }
        }
        return at == typed.length();
    }
}
