package org.ccin.bot.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.measures.Measure;
import org.ccin.store.search.SearchTerms;

/**
 * A question about the strategy's measures, recognised before anything else is searched: "how many full council
 * members do we have now", "how many Policy Labs were there in 2023?", "what are the targets", "how is
 * participation going", "faint o aelodau llawn". It needs a word that asks for a figure, a target or a trend, and
 * the rest of the question must name measures (by their English or Welsh names, with typos): a question that is
 * mostly about something else ("how many actions are overdue") is left to the plan and the library.
 *
 * @param measures the measures asked about, in the file's order; empty: every measure
 * @param year     the year asked about ("in 2023", "last year"); empty: the latest figure
 */
record MeasureQuestion(List<Measure> measures, Ask ask, Optional<Integer> year) {
    private static final int MAX_WORDS = 25;
    private static final int MAX_MEASURES = 6;
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
    private static final Pattern LAST_YEAR = Pattern.compile("(?i)\\blast year\\b|\\bllynedd\\b");
    private static final Pattern THIS_YEAR = Pattern.compile("(?i)\\bthis year\\b|\\beleni\\b");
    /** "how is participation going", "how are the policy labs doing", "sut mae … yn mynd". */
    private static final Pattern TREND = Pattern.compile(
            "(?i)\\bhow('s| is| are)\\b.*\\b(going|doing)\\b|\\bsut\\b.*\\bmynd\\b|\\btrend|\\btuedd");
    private static final Set<String> FIGURE_WORDS = Set.of("figure", "figures", "number", "total", "count",
            "faint", "sawl", "nifer", "ffigur", "ffigurau", "stats", "statistics", "measure", "measures", "mesur",
            "mesurau", "percentage", "canran");
    /** Not "aims" or "goals": "what are the network's aims" asks for the objectives, which the plan answers. */
    private static final Set<String> TARGET_WORDS = Set.of("target", "targets", "targed", "targedau");
    private static final List<String> MISTYPED_CUES = List.of("many", "target", "targets", "targed", "targedau",
            "measure", "measures", "mesurau", "figure", "figures", "ffigurau");
    /** Words a question about a measure may hold besides its name, which ask nothing else. */
    private static final Set<String> SAYS_NOTHING_MORE = Set.of("take", "taking", "took", "part", "involved",
            "joined", "signed", "up", "registered", "active", "run", "held", "ran", "delivered", "published", "new",
            "more", "fewer", "less", "cymryd", "rhan", "cynnal", "cynhaliwyd", "yet", "altogether", "overall",
            "still", "down", "rising", "falling", "compared", "against", "versus", "vs", "bellach");

    /** Words that, with a target or measure word and nothing else, ask for every measure. */
    private static final Set<String> EVERY_MEASURE = Set.of("success", "llwyddiant", "key", "performance",
            "indicators", "kpi", "kpis", "mesurau", "measures");

    /** What is asked for. */
    public enum Ask { FIGURES, TARGETS }

    public MeasureQuestion {
        measures = List.copyOf(measures);
    }

    public boolean everyMeasure() {
        return measures.isEmpty();
    }

    public static Optional<MeasureQuestion> parse(String text, List<Measure> known, LocalDate today) {
        return parse(text, () -> known, today);
    }

    /** The same, reading the measures only when the text asks for a figure, a target or a trend. */
    public static Optional<MeasureQuestion> parse(String text, Supplier<List<Measure>> measures, LocalDate today) {
        List<String> words = SearchTerms.allWords(text);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        boolean asksTarget = words.stream().anyMatch(w -> TARGET_WORDS.contains(w)
                || w.length() >= 6 && TARGET_WORDS.stream().anyMatch(t -> MeasureWords.isTypoOf(w, t)));
        boolean asksFigure = asksHowMany(words) || TREND.matcher(text).find()
                || words.stream().anyMatch(FIGURE_WORDS::contains);
        if (!asksTarget && !asksFigure) {
            return Optional.empty();
        }
        Optional<Integer> year = year(text, today);
        List<String> content = MeasureWords.content(text).stream()
                .filter(w -> !YEAR.matcher(w).matches() && !isMistypedCue(w)).toList();
        Ask ask = asksTarget && !asksHowMany(words) ? Ask.TARGETS : Ask.FIGURES;
        if (content.stream().allMatch(EVERY_MEASURE::contains)) {
            // "what are the targets", "show me the measures": every measure, but not a bare "how many?"
            boolean namesMeasures = asksTarget || words.stream().anyMatch(w -> w.startsWith("measure")
                    || w.startsWith("mesur") || w.startsWith("figure") || w.startsWith("ffigur"));
            return namesMeasures ? Optional.of(new MeasureQuestion(List.of(), ask, year)) : Optional.empty();
        }
        List<Scored> scored = new ArrayList<>();
        for (Measure measure : measures.get()) {
            scored.add(Scored.of(measure, content));
        }
        double best = scored.stream().mapToDouble(Scored::score).max().orElse(0);
        if (best <= 0) {
            return Optional.empty();
        }
        List<Scored> top = scored.stream().filter(s -> s.score() >= best - 1e-9).toList();
        // a question naming a measure fully ("policy labs") is about that one, not those that merely mention it
        List<Scored> covered = top.stream().filter(s -> s.unnamedWords() == 0).toList();
        List<Scored> chosen = covered.isEmpty() ? top : covered;
        // "how many case studies about housing" asks the library, not the measure "Case studies"
        boolean allNamed = content.stream().allMatch(w -> SAYS_NOTHING_MORE.contains(w)
                || chosen.stream().anyMatch(s -> s.matches(w)));
        if (!allNamed) {
            return Optional.empty();
        }
        return Optional.of(new MeasureQuestion(chosen.stream().limit(MAX_MEASURES).map(Scored::measure).toList(), ask,
                year));
    }

    /** "mnay", "targts": a question word mistyped is still not a word of a measure's name. */
    private static boolean isMistypedCue(String word) {
        return MISTYPED_CUES.stream().anyMatch(cue -> MeasureWords.isTypoOf(word, cue));
    }

    private static boolean asksHowMany(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String next = words.get(i + 1);
            if (words.get(i).equals("how") && (MeasureWords.isTypoOf(next, "many") || next.equals("much"))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Integer> year(String text, LocalDate today) {
        Matcher matcher = YEAR.matcher(text);
        if (matcher.find()) {
            return Optional.of(Integer.parseInt(matcher.group(1)));
        }
        if (LAST_YEAR.matcher(text).find()) {
            return Optional.of(today.getYear() - 1);
        }
        if (THIS_YEAR.matcher(text).find()) {
            return Optional.of(today.getYear());
        }
        return Optional.empty();
    }

    /**
     * How well a question's words name one measure.
     *
     * @param unnamedWords the fewest words of one of its names (English or Welsh) that the question leaves out
     */
    private record Scored(Measure measure, double score, int unnamedWords, List<String> nameWords) {
        static Scored of(Measure measure, List<String> content) {
            List<String> english = MeasureWords.content(measure.nameEn());
            List<String> welsh = MeasureWords.content(measure.nameCy());
            List<String> all = new ArrayList<>(english);
            all.addAll(welsh);
            double score = 0;
            for (String word : content) {
                score += all.stream().mapToDouble(n -> MeasureWords.match(word, n)).max().orElse(0);
            }
            int unnamed = Math.min(unnamed(english, content), unnamed(welsh, content));
            return new Scored(measure, score, unnamed, all);
        }

        boolean matches(String word) {
            return nameWords.stream().anyMatch(n -> MeasureWords.match(word, n) > 0);
        }

        private static int unnamed(List<String> name, List<String> content) {
            return (int) name.stream().filter(n -> content.stream().noneMatch(w -> MeasureWords.match(w, n) > 0))
                    .count();
        }
    }
}
