package org.ccin.store.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network's words in Welsh, so that a question asked in Welsh is understood and not only answered in Welsh:
 * "tai yng Nghymru" is housing in Wales. Welsh changes the first letters of a word after some words (initial
 * mutations: Cymru, Gymru, Nghymru, Chymru), so a word is looked up by the radical forms it may come from.
 * Words are expected as {@link SearchTerms#allWords} gives them: lower case, without accents.
 */
public final class WelshWords {
    /** Welsh radical form → the English word or phrase the network's documents use. */
    private static final Map<String, String> GLOSSARY = Map.ofEntries(
            Map.entry("tai", "housing"), Map.entry("ty", "housing"), Map.entry("tai cymdeithasol", "social housing"),
            Map.entry("ynni", "energy"), Map.entry("ynni cymunedol", "community energy"),
            Map.entry("bwyd", "food"), Map.entry("gofal", "care"), Map.entry("gofal cymdeithasol", "social care"),
            Map.entry("ieuenctid", "youth"), Map.entry("pobl ifanc", "young people"),
            Map.entry("cyngor", "council"), Map.entry("cynghorau", "councils"), Map.entry("cynghorydd", "councillor"),
            Map.entry("cynghorwyr", "councillors"),
            Map.entry("cymru", "wales"), Map.entry("yr alban", "scotland"), Map.entry("alban", "scotland"),
            Map.entry("lloegr", "england"), Map.entry("caerdydd", "cardiff"), Map.entry("abertawe", "swansea"),
            Map.entry("casnewydd", "newport"), Map.entry("wrecsam", "wrexham"), Map.entry("caerffili", "caerphilly"),
            Map.entry("sir gar", "carmarthenshire"), Map.entry("sir gaerfyrddin", "carmarthenshire"),
            Map.entry("caeredin", "edinburgh"), Map.entry("llundain", "london"),
            Map.entry("cymuned", "community"), Map.entry("cymunedau", "communities"),
            Map.entry("cymunedol", "community"), Map.entry("cydweithredol", "co-operative"),
            Map.entry("cydweithfa", "co-operative"), Map.entry("cydweithfeydd", "co-operatives"),
            Map.entry("cyfoeth cymunedol", "community wealth building"), Map.entry("iechyd", "health"),
            Map.entry("addysg", "education"), Map.entry("ysgol", "school"), Map.entry("ysgolion", "schools"),
            Map.entry("trafnidiaeth", "transport"), Map.entry("hinsawdd", "climate"), Map.entry("newid hinsawdd",
                    "climate change"), Map.entry("tlodi", "poverty"), Map.entry("unigrwydd", "loneliness"),
            Map.entry("pobl hyn", "older people"), Map.entry("henoed", "older people"),
            Map.entry("cyllidebu cyfranogol", "participatory budgeting"), Map.entry("banc amser", "time bank"),
            Map.entry("asedau", "assets"), Map.entry("trosglwyddo asedau", "asset transfer"),
            Map.entry("chwaraeon", "sport"), Map.entry("diwylliant", "culture"), Map.entry("economi", "economy"),
            Map.entry("swyddi", "jobs"), Map.entry("gwirfoddolwyr", "volunteers"), Map.entry("llesiant", "wellbeing"),
            Map.entry("astudiaethau achos", "case studies"), Map.entry("astudiaeth achos", "case study"),
            Map.entry("cynllun gweithredu", "action plan"), Map.entry("arweinydd", "lead"),
            Map.entry("thema", "theme"), Map.entry("themau", "themes"), Map.entry("amcan", "objective"),
            Map.entry("amcanion", "objectives"), Map.entry("aelodau", "members"), Map.entry("aelod", "member"),
            Map.entry("pecyn croeso", "welcome pack"), Map.entry("brand", "brand"));

    /**
     * The action plan's own words in Welsh, so that "pwy sy'n arwain y podlediadau?" finds the podcasts; kept apart
     * from the network's topics above.
     */
    private static final Map<String, String> PLAN_GLOSSARY = Map.ofEntries(
            Map.entry("podlediad", "podcast"), Map.entry("podlediadau", "podcasts"),
            Map.entry("strwythur", "structure"), Map.entry("staffio", "staffing"),
            Map.entry("strwythur staffio", "staffing structure"), Map.entry("cyfreithiol", "legal"),
            Map.entry("strwythur cyfreithiol", "legal structure"), Map.entry("canllawiau", "guidelines"),
            Map.entry("canllaw", "guideline"), Map.entry("canllawiau brand", "brand guidelines"),
            Map.entry("gweminar", "webinar"), Map.entry("gweminarau", "webinars"),
            Map.entry("digwyddiad", "event"), Map.entry("digwyddiadau", "events"), Map.entry("fideo", "video"),
            Map.entry("fideos", "videos"), Map.entry("croeso", "welcome"), Map.entry("pecyn", "pack"),
            Map.entry("aelodaeth", "membership"), Map.entry("manteision", "benefits"),
            Map.entry("buddion", "benefits"), Map.entry("cynigion", "motions"), Map.entry("cynnig", "motion"),
            Map.entry("cyfieithu", "translation"), Map.entry("hyrwyddwyr", "champions"),
            Map.entry("hyrwyddwr", "champion"), Map.entry("adroddiadau", "reports"), Map.entry("adroddiad", "report"),
            Map.entry("labordy polisi", "policy lab"), Map.entry("labordai polisi", "policy labs"),
            Map.entry("prosesau ariannol", "financial processes"), Map.entry("cyllid", "finance"),
            Map.entry("rheolau ymgysylltu", "rules of engagement"), Map.entry("grwpiau", "groups"),
            Map.entry("grwp", "group"), Map.entry("hyfforddiant", "training"), Map.entry("sesiwn", "session"),
            Map.entry("pecyn cymorth", "toolkit"), Map.entry("hunaniaeth", "identity"));

    /** The longest glossary phrase, in words. */
    private static final int LONGEST = 2;

    private WelshWords() {
    }

    /**
     * The radical forms a (possibly mutated) word may come from, the word itself first. Soft (c→g, p→b, t→d,
     * g→-, b→f, d→dd, ll→l, m→f, rh→r), nasal (c→ngh, p→mh, t→nh, g→ng, b→m, d→n) and aspirate (c→ch, p→ph,
     * t→th) mutations are undone, and the h that comes before a vowel after "ei" (her) or "ein".
     */
    public static List<String> radicals(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        undo(word, "ngh", "c", forms);
        undo(word, "mh", "p", forms);
        undo(word, "nh", "t", forms);
        undo(word, "ng", "g", forms);
        undo(word, "ch", "c", forms);
        undo(word, "ph", "p", forms);
        undo(word, "th", "t", forms);
        undo(word, "dd", "d", forms);
        undo(word, "g", "c", forms);
        undo(word, "b", "p", forms);
        undo(word, "d", "t", forms);
        undo(word, "f", "b", forms);
        undo(word, "f", "m", forms);
        undo(word, "l", "ll", forms);
        undo(word, "r", "rh", forms);
        undo(word, "m", "b", forms);
        undo(word, "n", "d", forms);
        if (!word.isEmpty() && "aeiouwy".indexOf(word.charAt(0)) >= 0) {
            forms.add("g" + word);
        }
        if (word.length() > 1 && word.charAt(0) == 'h' && "aeiouwy".indexOf(word.charAt(1)) >= 0) {
            forms.add(word.substring(1));
        }
        return new ArrayList<>(forms);
    }

    private static void undo(String word, String mutated, String radical, Set<String> into) {
        if (word.startsWith(mutated) && word.length() > mutated.length()) {
            into.add(radical + word.substring(mutated.length()));
        }
    }

    /** The English for a Welsh word as it was typed (mutated or not), if the glossary knows it. */
    public static Optional<String> english(String word) {
        for (String radical : radicals(word)) {
            String english = GLOSSARY.getOrDefault(radical, PLAN_GLOSSARY.get(radical));
            if (english != null) {
                return Optional.of(english);
            }
        }
        return Optional.empty();
    }

    /**
     * The words with every Welsh word or two-word phrase the glossary knows put in English, the rest as they
     * were: ["tai", "yng", "nghymru"] → ["housing", "yng", "wales"]. Each English phrase stays one entry.
     */
    public static List<String> inEnglish(List<String> words) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int taken = 0;
            for (int length = Math.min(LONGEST, words.size() - i); length >= 2 && taken == 0; length--) {
                Optional<String> phrase = phrase(words.subList(i, i + length));
                if (phrase.isPresent()) {
                    out.add(phrase.get());
                    taken = length;
                }
            }
            if (taken == 0) {
                out.add(english(words.get(i)).orElse(words.get(i)));
                taken = 1;
            }
            i += taken;
        }
        return out;
    }

    private static Optional<String> phrase(List<String> words) {
        // only the first word of a phrase is mutated by what comes before it
        String rest = String.join(" ", words.subList(1, words.size()));
        for (String radical : radicals(words.get(0))) {
            String english = GLOSSARY.getOrDefault(radical + " " + rest, PLAN_GLOSSARY.get(radical + " " + rest));
            if (english != null) {
                return Optional.of(english);
            }
        }
        return Optional.empty();
    }

    /** Whether a word is a Welsh word the glossary knows (so spelling correction must leave it alone). */
    public static boolean knows(String word) {
        return english(word).isPresent();
    }
}
