package org.ccin.bot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.search.SearchTerms;
import org.ccin.store.search.WelshWords;

/**
 * Typed text that is for the case-study library rather than the plan: an explicit request ("case studies about
 * housing", "housing case studies", "examples of community energy", "astudiaethau achos am dai"), typed filters
 * ("theme:health region:wales"), and what to search for: the request without its "case studies about", with the
 * Welsh words the glossary knows put in English ("tai yng Nghymru" → "housing yng wales", which the library reads
 * as housing in Wales). The search itself belongs to the library.
 */
final class CaseStudyRequest {
    private static final Pattern REQUEST = Pattern.compile("(?iu)\\b(case[- ]?stud(?:y|ies)|examples?|"
            + "astudiaeth(?:au)? achos|enghraifft|enghreifftiau|has anyone (?:done|tried)|"
            + "have any councils? (?:done|tried)|which councils have)\\b");
    private static final Pattern REQUEST_WORDS = Pattern.compile("(?iu)\\b(any|some|show me|find|give me|list|"
            + "are there|is there|do you have|have you got|case[- ]?stud(?:y|ies)|examples?|astudiaeth(?:au)? achos|"
            + "enghraifft|enghreifftiau|oes|gennych chi|unrhyw|has anyone (?:done|tried)|have any councils? "
            + "(?:done|tried)|which councils have)\\b");
    private static final Pattern LEADING_LINK = Pattern.compile("(?iu)^\\s*(?:of|about|on|for|from|with|around|"
            + "regarding|am|ar|o|gan|ynghylch|ynglŷn â|ynglyn a|a|an|the)\\b\\s*");
    private static final Pattern TYPED_FILTER = Pattern.compile("(?iu)\\b\\p{L}+:\\S");

    private CaseStudyRequest() {
    }

    static boolean hasTypedFilter(String text) {
        return TYPED_FILTER.matcher(text).find();
    }

    /** The words to search the library for, when the text asks for case studies; empty when it does not. */
    static Optional<String> words(String text) {
        String cut = text.length() > SearchTerms.MAX_INPUT ? text.substring(0, SearchTerms.MAX_INPUT) : text;
        if (!REQUEST.matcher(cut).find()) {
            return Optional.empty();
        }
        String rest = REQUEST_WORDS.matcher(cut).replaceAll(" ").replaceAll("[?!.]+\\s*$", " ").strip();
        Matcher link = LEADING_LINK.matcher(rest);
        while (link.find() && link.end() > 0) {
            rest = rest.substring(link.end());
            link = LEADING_LINK.matcher(rest);
        }
        return Optional.of(inEnglish(rest.strip()));
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    /**
     * The text with the Welsh words the glossary knows in English, everything else as typed ("tai yng Nghymru" →
     * "housing yng wales", "beth am y podlediadau" → "beth am y podcasts"); as it was when it has none.
     */
    static String inEnglish(String text) {
        Matcher word = WORD.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
            words.add(String.join("", SearchTerms.allWords(word.group())));
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String english = null;
            int taken = 1;
            if (i + 1 < words.size()) {
                List<String> pair = WelshWords.inEnglish(words.subList(i, i + 2));
                if (pair.size() == 1) {
                    english = pair.get(0);
                    taken = 2;
                }
            }
            if (english == null) {
                english = WelshWords.english(words.get(i)).orElse(null);
            }
            if (english != null && !english.equals(words.get(i))) {
                out.append(text, last, spans.get(i)[0]).append(english);
                last = spans.get(i + taken - 1)[1];
                changed = true;
                i += taken - 1;
            }
        }
        out.append(text.substring(last));
        return changed ? out.toString() : text;
    }
}
