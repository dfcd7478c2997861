package org.ccin.bot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.casestudies.CaseStudyFilters;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.reference.Region;
import org.ccin.store.search.SearchTerms;
import org.ccin.store.search.WelshWords;

/**
 * Filters typed in words: "theme:health region:wales type:lab year:2016", and "housing in London". What is left
 * is searched as words. A filter value nobody knows is reported, and searched as words, rather than silently
 * dropped. A place may be typed in Welsh with its mutation ("yng Nghymru"). Immutable result.
 */
final class TypedFilters {
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?iu)\\b(theme|topic|thema|pwnc|region|rhanbarth|nation|type|kind|math|year|blwyddyn):\\s*([\\p{L}\\p{N}&'-]+)");
    private static final Pattern IN_PLACE = Pattern.compile("(?iu)\\b(?:in|yn|yng|ym)\\s+([\\p{L}' -]+)$");

    /** The words left to search, the filters found, and the values not understood. */
    record Parsed(String words, CaseStudyFilters filters, List<String> unknown) {
    }

    private TypedFilters() {
    }

    static Parsed parse(String text, List<Topic> topics, List<Region> regions) {
        String rest = text.length() > SearchTerms.MAX_INPUT ? text.substring(0, SearchTerms.MAX_INPUT) : text;
        CaseStudyFilters filters = CaseStudyFilters.none();
        List<String> unknown = new ArrayList<>();
        Matcher matcher = KEY_VALUE.matcher(rest);
        StringBuilder words = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            words.append(rest, last, matcher.start()).append(' ');
            last = matcher.end();
            String key = matcher.group(1).toLowerCase(Locale.ROOT);
            String value = matcher.group(2);
            switch (key) {
                case "theme": case "topic": case "thema": case "pwnc": {
                    Optional<Topic> topic = topic(value, topics);
                    if (topic.isPresent()) {
                        filters = filters.withTopic(topic.get().code());
                    } else {
                        unknown(matcher, unknown, words);
                    }
                    break;
                }
                case "region": case "rhanbarth": case "nation": {
                    Optional<Region> region = region(value, regions);
                    if (region.isPresent()) {
                        filters = filters.withRegion(region.get().code());
                    } else {
                        unknown(matcher, unknown, words);
                    }
                    break;
                }
                case "type": case "kind": case "math": {
                    Optional<CaseStudyKind> kind = CaseStudyRepository.kindNamed(value);
                    if (kind.isPresent()) {
                        filters = filters.withKind(kind.get());
                    } else {
                        unknown(matcher, unknown, words);
                    }
                    break;
                }
                default: {
                    if (value.matches("\\d{4}")) {
                        filters = filters.withYear(Integer.parseInt(value));
                    } else {
                        unknown(matcher, unknown, words);
                    }
                }
            }
        }
        words.append(rest.substring(last));
        String remaining = words.toString().strip().replaceAll("\\s+", " ");
        Matcher place = IN_PLACE.matcher(remaining);
        if (filters.region().isEmpty() && place.find()) {
            Optional<Region> region = region(place.group(1).strip(), regions);
            if (region.isPresent()) {
                filters = filters.withRegion(region.get().code());
                remaining = remaining.substring(0, place.start()).strip();
            }
        }
        return new Parsed(remaining, filters, unknown);
    }

    /** A filter nobody knows is reported, and its value searched as words rather than lost ("theme:energy"). */
    private static void unknown(Matcher matcher, List<String> unknown, StringBuilder words) {
        unknown.add("“" + matcher.group() + "”");
        words.append(matcher.group(2).replace('-', ' ')).append(' ');
    }

    /** A topic by code, English or Welsh name, or the start of one ("health" → health and social care). */
    static Optional<Topic> topic(String value, List<Topic> topics) {
        String wanted = simple(value);
        for (Topic topic : topics) {
            if (simple(topic.code()).equals(wanted) || simple(topic.nameEn()).equals(wanted)
                    || simple(topic.nameCy()).equals(wanted)) {
                return Optional.of(topic);
            }
        }
        for (Topic topic : topics) {
            if (wanted.length() >= 3 && (simple(topic.code()).startsWith(wanted) || simple(topic.nameEn()).startsWith(wanted)
                    || simple(topic.nameCy()).startsWith(wanted))) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** A region or nation by code or by English or Welsh name, the Welsh perhaps mutated (Nghymru, Gymru). */
    static Optional<Region> region(String value, List<Region> regions) {
        String wanted = simple(value);
        for (Region region : regions) {
            if (simple(region.code()).equals(wanted) || simple(region.nameEn()).equals(wanted)) {
                return Optional.of(region);
            }
        }
        for (String radical : WelshWords.radicals(wanted)) {
            for (Region region : regions) {
                if (simple(region.nameCy()).equals(radical)) {
                    return Optional.of(region);
                }
            }
        }
        return Optional.empty();
    }

    private static String simple(String text) {
        return String.join("", SearchTerms.allWords(text));
    }
}
