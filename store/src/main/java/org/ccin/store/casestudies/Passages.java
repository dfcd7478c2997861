package org.ccin.store.casestudies;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.search.FtsQuery;

/**
 * The passage of a study that best matches the searched words, with those words marked: found in memory from the
 * study's text, which the search already holds. SQLite's snippet() evaluates the whole query again over the index to
 * mark a handful of studies, which cost a question a third of its time when it held common words; here marking a page
 * takes microseconds. Words match as the index matches them, near enough: folded (case and accents) and stemmed by
 * the common English endings ("grows" marks "growing"); a word the index matched by a rarer ending is left unmarked,
 * which only leaves it plain. Stateless.
 */
final class Passages {
    /** As many words as SQLite's snippets showed (14), so a passage fits a chat message beside others. */
    static final int WORDS = 14;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final List<String> ENDINGS = List.of("ational", "ation", "ative", "ement", "ment", "ness", "ism",
            "ist", "ive", "ion", "ance", "ence", "able", "ible", "ant", "ent", "ous", "ate", "ize", "ise", "al");

    private Passages() {
    }

    private record Token(int start, int end, String stem) {
    }

    /** A run of tokens that is one of the searched words or phrases, and which searched concept it is. */
    private record Hit(int first, int last, int concept) {
    }

    private record Window(String text, List<Token> tokens, List<Hit> hits, int from, int to, int concepts) {
    }

    /** The best passage of the texts (in order of preference on a tie), marked; empty when none holds a word. */
    static Optional<String> best(FtsQuery query, List<String> texts) {
        List<List<List<String>>> concepts = new ArrayList<>();
        for (Set<String> group : query.groups()) {
            List<List<String>> forms = new ArrayList<>();
            for (String alternative : group) {
                forms.add(List.of(alternative.split(" ")).stream().map(Passages::stem).toList());
            }
            concepts.add(forms);
        }
        Window best = null;
        for (String text : texts) {
            Window window = bestWindow(text, concepts);
            if (window != null && (best == null || window.concepts() > best.concepts()
                    || window.concepts() == best.concepts() && window.hits().size() > best.hits().size())) {
                best = window;
            }
        }
        return Optional.ofNullable(best).map(Passages::render);
    }

    private static Window bestWindow(String text, List<List<List<String>>> concepts) {
        List<Token> tokens = tokens(text);
        List<Hit> hits = hits(tokens, concepts);
        Window best = null;
        for (Hit anchor : hits) {
            // a word or two before the first match, as a reader needs a little of what leads to it
            int from = Math.max(0, Math.min(anchor.first() - 2, tokens.size() - WORDS));
            int to = Math.min(tokens.size(), from + WORDS);
            List<Hit> inside = hits.stream().filter(h -> h.first() >= from && h.last() < to).toList();
            Set<Integer> distinct = new HashSet<>();
            inside.forEach(h -> distinct.add(h.concept()));
            if (best == null || distinct.size() > best.concepts()
                    || distinct.size() == best.concepts() && inside.size() > best.hits().size()) {
                best = new Window(text, tokens, inside, from, to, distinct.size());
            }
        }
        return best;
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.start(), matcher.end(), stem(fold(matcher.group()))));
        }
        return tokens;
    }

    /** Every place a concept's word or phrase stands, longest form first, never two overlapping. */
    private static List<Hit> hits(List<Token> tokens, List<List<List<String>>> concepts) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Hit found = null;
            for (int concept = 0; concept < concepts.size(); concept++) {
                for (List<String> form : concepts.get(concept)) {
                    if ((found == null || form.size() > found.last() - found.first() + 1) && at(tokens, i, form)) {
                        found = new Hit(i, i + form.size() - 1, concept);
                    }
                }
            }
            if (found != null) {
                hits.add(found);
                i = found.last() + 1;
            } else {
                i++;
            }
        }
        return hits;
    }

    private static boolean at(List<Token> tokens, int i, List<String> form) {
        if (i + form.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < form.size(); k++) {
            if (!tokens.get(i + k).stem().equals(form.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static String render(Window window) {
        StringBuilder out = new StringBuilder();
        List<Token> tokens = window.tokens();
        String text = window.text();
        if (window.from() > 0) {
            out.append('…');
        }
        int at = tokens.get(window.from()).start();
        for (Hit hit : window.hits()) {
            out.append(text, at, tokens.get(hit.first()).start()).append(SearchHit.MARK_START)
                    .append(text, tokens.get(hit.first()).start(), tokens.get(hit.last()).end())
                    .append(SearchHit.MARK_END);
            at = tokens.get(hit.last()).end();
        }
        out.append(text, at, tokens.get(window.to() - 1).end());
        if (window.to() < tokens.size()) {
            out.append('…');
        } else {
            out.append(text.substring(tokens.get(window.to() - 1).end()).strip());
        }
        return out.toString();
    }

    static String fold(String word) {
        // most words are plain ASCII: only the others need the (costly) decomposition that drops accents
        if (word.chars().allMatch(c -> c < 128)) {
            return word.toLowerCase(Locale.ROOT);
        }
        return Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The common English endings taken off, close to what the index's Porter stemmer does: plurals, -ed and -ing,
     * a final y, and the usual suffixes when enough of the word is left ("cooperative" and "cooperation" meet).
     */
    static String stem(String word) {
        String s = word;
        if (s.length() <= 3) {
            return s;
        }
        if (s.endsWith("sses")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ies")) {
            s = s.substring(0, s.length() - 3) + "i";
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String ending : List.of("ing", "ed")) {
            String rest = s.substring(0, Math.max(0, s.length() - ending.length()));
            if (s.endsWith(ending) && rest.length() >= 3 && rest.chars().anyMatch(Passages::vowel)) {
                s = doubled(rest) ? rest.substring(0, rest.length() - 1) : rest;
                break;
            }
        }
        if (s.length() > 3 && s.endsWith("y")) {
            s = s.substring(0, s.length() - 1) + "i";
        }
        for (String ending : ENDINGS) {
            if (s.endsWith(ending) && s.length() - ending.length() >= 4) {
                s = s.substring(0, s.length() - ending.length());
                break;
            }
        }
        if (s.length() > 4 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static boolean vowel(int c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static boolean doubled(String s) {
        int n = s.length();
        return n >= 2 && s.charAt(n - 1) == s.charAt(n - 2) && "lsz".indexOf(s.charAt(n - 1)) < 0
                && !vowel(s.charAt(n - 1));
    }
}
