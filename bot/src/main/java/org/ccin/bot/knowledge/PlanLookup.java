package org.ccin.bot.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.search.EditDistance;
import org.ccin.store.search.SearchTerms;
import org.ccin.store.search.WelshWords;

/**
 * Finds what a question is about among the plan's own words: action codes, the words of actions and their keywords,
 * lead names and councils, theme and objective titles. A word matches a plan word that is the same, has the same
 * stem ("groups" and "group"), begins it ("welcom", "whatsap") or is a typo or two away ("guidlines"); words that
 * many actions share count less than rare ones; Welsh words are looked up in {@link WelshWords} first ("pecyn
 * croeso" → welcome pack). Built from the plan as it is now; immutable.
 */
final class PlanLookup {
    /** A match at least this good is an answer; below it the plan has nothing on the words. */
    static final double GOOD = 0.6;
    /** Matches this close to the best are shown with it. */
    private static final double CLOSE = 0.85;
    private static final Set<String> IGNORED = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "to", "for",
            "by", "with", "about", "is", "are", "we", "our", "it", "its", "be", "that", "this", "from", "e", "g", "eg",
            "etc", "cllr", "as", "at", "so", "not", "what", "how", "more", "other", "others", "their", "own", "can");

    /** An action that matches, how well (0–1), and the plan's own words that matched, to name it by. */
    record ActionMatch(Action action, double score, String phrase) {
    }

    private record Doc(Action action, List<Field> fields, List<List<String>> keywordStems, int textWords) {
    }

    private record Field(List<String> stems, double weight) {
    }

    private final List<Plan> plans;
    private final List<Objective> objectives;
    private final List<Action> actions;
    private final List<Doc> docs;
    private final Map<String, List<String>> synonyms;
    /** Every stem of the plan's words, to tell a word the plan has from one it needs a synonym for. */
    private final Set<String> planStems;

    PlanLookup(List<Plan> plans, List<Objective> objectives, List<Action> actions) {
        this(plans, objectives, actions, Map.of());
    }

    /** @param synonyms the network's acronyms and synonyms, normalised words → what they stand for ("cwb" → …) */
    PlanLookup(List<Plan> plans, List<Objective> objectives, List<Action> actions, Map<String, List<String>> synonyms) {
        this.synonyms = Map.copyOf(synonyms);
        this.plans = List.copyOf(plans);
        this.objectives = List.copyOf(objectives);
        this.actions = List.copyOf(actions);
        Map<Long, Objective> byId = objectives.stream().collect(Collectors.toMap(Objective::id, Function.identity()));
        this.docs = actions.stream().map(a -> doc(a, byId.get(a.objectiveId()))).toList();
        this.planStems = docs.stream().flatMap(d -> d.fields().stream()).flatMap(f -> f.stems().stream())
                .collect(Collectors.toSet());
    }

    private static Doc doc(Action action, Objective objective) {
        List<Field> fields = new ArrayList<>();
        List<List<String>> keywordStems = new ArrayList<>();
        for (String keyword : action.keywords()) {
            List<String> stems = stems(keyword);
            keywordStems.add(stems);
            fields.add(new Field(stems, 1.0));
        }
        List<String> textStems = stems(action.text());
        fields.add(new Field(textStems, 0.95));
        action.leads().forEach(lead -> fields.add(new Field(stems(lead), 0.9)));
        action.topics().forEach(topic -> fields.add(new Field(stems(topic.replace('-', ' ')), 0.6)));
        if (objective != null) {
            fields.add(new Field(stems(objective.title()), 0.4));
        }
        return new Doc(action, fields, keywordStems, textStems.size());
    }

    List<Plan> plans() {
        return plans;
    }

    List<Objective> objectives() {
        return objectives;
    }

    Optional<Plan> plan(String code) {
        return plans.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The actions with this code, the current plan's first. */
    List<Action> byCode(String code) {
        return actions.stream().filter(a -> a.code().equals(code))
                .sorted(Comparator.comparing((Action a) -> !isCurrent(a.planCode()))).toList();
    }

    List<Action> actionsOf(Objective objective) {
        return actions.stream().filter(a -> a.objectiveId() == objective.id()).toList();
    }

    boolean isCurrent(String planCode) {
        return plan(planCode).map(Plan::current).orElse(false);
    }

    /**
     * "theme 3", "objective 2", "thema 3": the plan that calls its parts so first (the current plan when the
     * question does not say), then any other plan with that number.
     */
    Optional<Objective> objective(String called, String code) {
        List<Plan> ordered = new ArrayList<>(plans);
        ordered.sort(Comparator.comparing((Plan p) -> !(called.equals(Plan.THEMES) ? p.hasThemes()
                : called.equals(Plan.OBJECTIVES) ? !p.hasThemes() : p.current())));
        for (Plan plan : ordered) {
            Optional<Objective> found = objectives.stream()
                    .filter(o -> o.planCode().equals(plan.code()) && o.code().equals(code)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The objective or theme whose title holds every word asked about ("national influence and lobbying"); one word
     * is enough when the question says it means a theme or objective ("the lobbying theme"), and then the plan that
     * calls its parts so wins a tie.
     *
     * @param called "themes", "objectives", or "" when the question does not say
     */
    Optional<Objective> objectiveTitled(List<String> subject, String called) {
        List<String> asked = new ArrayList<>(meaningful(subject));
        asked.removeAll(List.of("theme", "objective", "them", "objectiv"));
        if (asked.size() < (called.isEmpty() ? 2 : 1)) {
            return Optional.empty();
        }
        Objective best = null;
        double bestScore = 0;
        for (Objective objective : objectives) {
            List<String> title = stems(objective.title());
            double sum = 0;
            for (String word : asked) {
                sum += title.stream().mapToDouble(t -> similarity(word, t)).max().orElse(0);
            }
            boolean named = plan(objective.planCode()).map(p -> called.equals(Plan.THEMES) == p.hasThemes())
                    .orElse(false);
            double score = sum / asked.size() + (named && !called.isEmpty() ? 0.01 : 0);
            if (score > bestScore) {
                best = objective;
                bestScore = score;
            }
        }
        return bestScore >= 0.85 ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The actions that match the words, best first, only those close to the best; empty when none is good. */
    List<ActionMatch> actions(List<String> subject) {
        List<ActionMatch> all = ranked(subject);
        if (all.isEmpty() || all.get(0).score() < GOOD) {
            return List.of();
        }
        double best = all.get(0).score();
        return all.stream().filter(m -> m.score() >= Math.max(GOOD, best * CLOSE)).toList();
    }

    /**
     * Whether the words name something only the plan has, so that a question without question words ("welcom
     * pack", "brand guidlines") is answered from the plan and not searched in the case-study library: a keyword of
     * at most two actions of the current plan matches every word, or two or more words are all in one or two of its
     * actions.
     */
    boolean isDistinctive(List<String> subject) {
        List<String> asked = meaningful(subject);
        if (asked.isEmpty() || asked.size() > 5) {
            return false;
        }
        int byKeyword = 0;
        int byWords = 0;
        // only the current plan's: a place or topic the 2021 plan mentions in passing ("Cardiff", "community
        // wealth") is for the library
        for (Doc doc : docs) {
            if (!isCurrent(doc.action().planCode())) {
                continue;
            }
            boolean keyword = false;
            for (List<String> words : doc.keywordStems()) {
                if (words.size() >= asked.size() && asked.stream().allMatch(w -> words.stream()
                        .anyMatch(k -> similarity(w, k) >= 0.8))) {
                    keyword = true;
                }
            }
            byKeyword += keyword ? 1 : 0;
            // every word somewhere in the action's own words (not its objective's or topics')
            boolean all = asked.stream().allMatch(w -> doc.fields().stream().filter(f -> f.weight() >= 0.9)
                    .anyMatch(f -> f.stems().stream().anyMatch(k -> similarity(w, k) >= 0.8)));
            byWords += all ? 1 : 0;
        }
        return byKeyword >= 1 && byKeyword <= 2 || asked.size() >= 2 && byWords >= 1 && byWords <= 2;
    }

    /**
     * Whether the best action for the words has every one of them in its own words (typos forgiven): what the
     * plan must show before it answers text the library had nothing for, so that "pobl ifanc" (young people) is not
     * answered with an action that only says "people".
     */
    boolean coversEveryWord(List<String> subject) {
        List<ActionMatch> found = actions(subject);
        if (found.isEmpty()) {
            return false;
        }
        List<String> asked = meaningful(subject);
        Doc doc = docs.stream().filter(d -> d.action().id() == found.get(0).action().id()).findFirst().orElseThrow();
        return !asked.isEmpty() && asked.stream().allMatch(w -> doc.fields().stream().filter(f -> f.weight() >= 0.9)
                .anyMatch(f -> f.stems().stream().anyMatch(k -> similarity(w, k) >= 0.8)));
    }

    /**
     * The words with what the network's synonyms say they stand for added ("cwb" → community wealth building),
     * for words the plan does not use itself: a word no action has counts for nothing, so the added words carry
     * it, while a word the plan has keeps its own meaning.
     */
    private List<String> withSynonyms(List<String> subject) {
        List<String> words = new ArrayList<>();
        List<String> typed = subject.stream().map(w -> String.join(" ", SearchTerms.allWords(w)))
                .filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < typed.size(); i++) {
            words.add(typed.get(i));
            for (int length = 1; length <= 2 && i + length <= typed.size(); length++) {
                String key = String.join(" ", typed.subList(i, i + length));
                if (typed.subList(i, i + length).stream().allMatch(w -> planStems.contains(stem(w)))) {
                    continue;
                }
                for (String expansion : synonyms.getOrDefault(key, List.of())) {
                    if (expansion.split(" ").length > 1 || length > 1) {
                        words.addAll(List.of(expansion.split(" ")));
                    }
                }
            }
        }
        return words;
    }

    private List<ActionMatch> ranked(List<String> subject) {
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(meaningful(withSynonyms(subject))));
        if (asked.isEmpty()) {
            return List.of();
        }
        int n = docs.size();
        double[][] best = new double[asked.size()][n];
        double[] idf = new double[asked.size()];
        for (int q = 0; q < asked.size(); q++) {
            int df = 0;
            for (int d = 0; d < n; d++) {
                double top = 0;
                for (Field field : docs.get(d).fields()) {
                    for (String stem : field.stems()) {
                        top = Math.max(top, similarity(asked.get(q), stem) * field.weight());
                    }
                }
                best[q][d] = top;
                if (top >= 0.7) {
                    df++;
                }
            }
            // a word no action has (a word of the question's own) says nothing about which action is meant
            idf[q] = df == 0 ? 0 : Math.log(1.0 + (double) n / df);
        }
        double weights = 0;
        for (double w : idf) {
            weights += w;
        }
        if (weights == 0) {
            return List.of();
        }
        List<ActionMatch> matches = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Doc doc = docs.get(d);
            double sum = 0;
            for (int q = 0; q < asked.size(); q++) {
                sum += idf[q] * best[q][d];
            }
            double score = sum / weights;
            if (score <= 0) {
                continue;
            }
            int position = 0;
            int bestPosition = -1;
            double phraseBonus = 0;
            for (List<String> keyword : doc.keywordStems()) {
                long covered = keyword.stream().filter(k -> asked.stream().anyMatch(w -> similarity(w, k) >= 0.7))
                        .count();
                if (covered == keyword.size() && !keyword.isEmpty()) {
                    double bonus = 0.1 * Math.min(keyword.size(), asked.size()) / asked.size()
                            + 0.02 / (1 + position);
                    if (bonus > phraseBonus) {
                        phraseBonus = bonus;
                        bestPosition = position;
                    }
                }
                position++;
            }
            score += phraseBonus;
            // the plan people mean today, and an action that is about this rather than mentions it
            score += isCurrent(doc.action().planCode()) ? 0.04 : 0;
            score += 0.03 / (1 + doc.textWords() / 12.0);
            String phrase = bestPosition >= 0 ? doc.action().keywords().get(bestPosition) : "";
            matches.add(new ActionMatch(doc.action(), score, phrase));
        }
        matches.sort(Comparator.comparingDouble(ActionMatch::score).reversed());
        return matches;
    }

    /**
     * The lead names (people, bodies, councils) that match a name as typed: every word of it, typos forgiven;
     * initials too ("Nicola Huckerby" also finds "NH").
     */
    List<String> leads(List<String> name) {
        // "V&P board": single letters say nothing about a name
        List<String> asked = meaningful(name).stream().filter(w -> w.length() >= 2).toList();
        if (asked.isEmpty()) {
            return List.of();
        }
        String initials = asked.size() >= 2 ? asked.stream().map(w -> w.substring(0, 1)).collect(Collectors.joining())
                : "";
        Set<String> exact = new LinkedHashSet<>();
        Set<String> partly = new LinkedHashSet<>();
        for (String lead : allLeads()) {
            List<String> words = stems(lead);
            long matched = asked.stream().filter(w -> words.stream().anyMatch(l -> similarity(w, l) >= 0.8)).count();
            if (matched == asked.size() || (!initials.isEmpty() && words.size() == 1 && words.get(0).equals(initials))) {
                exact.add(lead);
            } else if (matched > 0 && matched * 2 >= asked.size() && asked.stream().anyMatch(w -> w.length() >= 4
                    && words.stream().anyMatch(l -> similarity(w, l) >= 0.8))) {
                partly.add(lead);
            }
        }
        return List.copyOf(exact.isEmpty() ? partly : exact);
    }

    /** The actions any of these leads lead, the current plan's first. */
    List<Action> ledBy(List<String> leads) {
        return actions.stream().filter(a -> a.leads().stream().anyMatch(leads::contains))
                .sorted(Comparator.comparing((Action a) -> !isCurrent(a.planCode()))).toList();
    }

    /** The objectives or themes any of these leads lead as a whole. */
    List<Objective> objectivesLedBy(List<String> leads) {
        return objectives.stream().filter(o -> o.leads().stream().anyMatch(leads::contains)).toList();
    }

    private List<String> allLeads() {
        Set<String> leads = new LinkedHashSet<>();
        actions.stream().sorted(Comparator.comparing((Action a) -> !isCurrent(a.planCode())))
                .forEach(a -> leads.addAll(a.leads()));
        objectives.forEach(o -> leads.addAll(o.leads()));
        return List.copyOf(leads);
    }

    /** The words of a question put in English where Welsh, cut to their stems, small words left out. */
    static List<String> meaningful(List<String> subject) {
        List<String> english = new ArrayList<>();
        for (String word : WelshWords.inEnglish(subject)) {
            english.addAll(List.of(word.split("[\\s-]+")));
        }
        // a question's first words say what it is about; a pasted page is not compared word by word
        return english.stream().filter(w -> !IGNORED.contains(w) && !w.isBlank()).map(PlanLookup::stem)
                .limit(SearchTerms.MAX_WORDS).toList();
    }

    static List<String> stems(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "");
        List<String> stems = new ArrayList<>();
        for (String word : folded.split("[^\\p{L}\\p{N}.]+|(?<!\\d)\\.|\\.(?!\\d)")) {
            if (!word.isBlank() && !IGNORED.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** A light English stem: plurals and -ing/-ed endings, so "groups", "guidelines" and "leading" meet their roots. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** How alike a word asked and a word of the plan are, both stems: 1 the same, 0 nothing alike. */
    static double similarity(String asked, String planWord) {
        if (asked.equals(planWord)) {
            return 1;
        }
        if (asked.length() <= 2 || planWord.length() <= 2 || Character.isDigit(asked.charAt(0))
                || Character.isDigit(planWord.charAt(0))) {
            return 0;
        }
        if (asked.length() >= 4 && planWord.startsWith(asked) && planWord.length() - asked.length() <= 4) {
            return 0.85;
        }
        if (asked.length() >= 4 && Math.abs(asked.length() - planWord.length()) <= 2) {
            int distance = EditDistance.between(asked, planWord);
            if (distance == 1) {
                return 0.8;
            }
            if (distance == 2 && Math.min(asked.length(), planWord.length()) >= 7) {
                return 0.7;
            }
        }
        return 0;
    }
}
