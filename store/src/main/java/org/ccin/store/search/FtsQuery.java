package org.ccin.store.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An FTS5 MATCH expression built only from quoted words, with the network's synonyms expanded:
 * "cwb housing" becomes {@code ("cwb" OR "community wealth building") AND "housing"}. Immutable.
 *
 * @param groups one group per searched concept; each holds the alternative words or phrases for it
 */
public record FtsQuery(List<Set<String>> groups) {

    /**
     * @param synonyms lower-case term or phrase → expansions (e.g. "cwb" → ["community wealth building"]); a
     *                 multi-word phrase typed in full is recognised as one concept
     */
    public static FtsQuery of(String typed, Map<String, List<String>> synonyms) {
        List<String> words = SearchTerms.words(typed);
        List<Set<String>> groups = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(4, words.size() - i); length >= 2 && matched == 0; length--) {
                String phrase = String.join(" ", words.subList(i, i + length));
                if (synonyms.containsKey(phrase)) {
                    groups.add(alternatives(phrase, synonyms));
                    matched = length;
                }
            }
            if (matched == 0) {
                groups.add(alternatives(words.get(i), synonyms));
                matched = 1;
            }
            i += matched;
        }
        return new FtsQuery(groups);
    }

    private static Set<String> alternatives(String term, Map<String, List<String>> synonyms) {
        Set<String> set = new LinkedHashSet<>();
        set.add(term);
        for (String expansion : synonyms.getOrDefault(term, List.of())) {
            String normalised = String.join(" ", SearchTerms.allWords(expansion));
            if (!normalised.isEmpty()) {
                set.add(normalised);
            }
        }
        return set;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Every concept must match (in any of its forms). */
    public Optional<String> all() {
        return join(" AND ");
    }

    /** Any concept may match: the fallback when nothing matches them all. */
    public Optional<String> any() {
        return join(" OR ");
    }

    private Optional<String> join(String operator) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(groups.stream().map(FtsQuery::group).collect(Collectors.joining(operator)));
    }

    private static String group(Set<String> alternatives) {
        String joined = alternatives.stream().map(SearchTerms::quoted).collect(Collectors.joining(" OR "));
        return alternatives.size() == 1 ? joined : "(" + joined + ")";
    }

    /** The plain words searched, for "no result for …" messages. */
    public String describe() {
        return groups.stream().map(g -> g.iterator().next()).collect(Collectors.joining(" "));
    }

    /** The searched words (the first form of each concept), for spelling correction. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        groups.forEach(g -> words.addAll(List.of(g.iterator().next().split(" "))));
        return words;
    }
}
