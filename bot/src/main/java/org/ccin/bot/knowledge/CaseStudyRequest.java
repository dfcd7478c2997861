package org.ccin.bot.knowledge;

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

    /** The text with the Welsh words the glossary knows in English; as it was when it has none. */
    static String inEnglish(String text) {
        List<String> words = SearchTerms.allWords(text);
        List<String> english = WelshWords.inEnglish(words);
        return english.equals(words) ? text : String.join(" ", english);
    }
}
