package org.ccin.bot.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.search.EditDistance;
import org.ccin.store.search.SearchTerms;

/**
 * The words of a typed question, each in two forms: as typed (lower case, accents and apostrophes dropped, so
 * "who's" is "whos" and "sy'n" is "syn") and as a question word, when it is one: Welsh question words in English
 * ("pwy" → who, "arwain" → lead, "hwyr" → overdue) and misspelt ones corrected ("staus" → status, "happend" →
 * happened). Only question words are corrected: what the question is about stays as typed. Immutable.
 */
final class QuestionWords {
    // "champion" is left out: the plan has Cabinet Champions and regional Champions as things, not as leads
    static final Set<String> LEAD_WORDS = Set.of("lead", "leads", "leading", "led", "leader", "leaders",
            "championing", "responsible");
    static final Set<String> PLAN_WORDS = Set.of("action", "actions", "plan", "milestone", "milestones", "objective",
            "objectives", "theme", "themes", "strategy", "activity", "activities", "progress", "subtheme");

    // a funded Policy Lab or Prototype is action PL<round>.<application>, e.g. PL2.41 (lower case once folded)
    private static final Pattern TOKEN = Pattern.compile(
            "pl\\d{1,4}\\.\\d{1,6}(?![\\d.])|\\d{1,2}\\.\\d{1,2}(?![\\d.])|[\\p{L}\\p{N}]+");
    private static final Pattern CODE = Pattern.compile("\\d{1,2}\\.\\d{1,2}|pl\\d{1,4}\\.\\d{1,6}");
    private static final Pattern TYPED_FILTER = Pattern.compile("(?iu)\\b\\p{L}+:\\S");

    /** Question words as they should be, for correcting typos in them. */
    private static final List<String> VOCABULARY = List.of("leads", "leading", "leader", "leaders", "responsible",
            "status", "overdue", "complete", "theme", "objective", "plans", "council", "councils", "completed", "finished", "blocked", "objectives", "objective", "themes",
            "strategy", "happened", "happening", "progress", "deadline", "milestone", "milestones", "actions",
            "action", "started", "track", "month", "months", "week", "weeks", "years", "update", "doing", "going",
            "champion", "champions", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "spring", "summer", "autumn", "winter", "priorities");
    /** Real words (often place names) that are one letter from a question word and must stay as they are. */
    private static final Set<String> KEEP = Set.of("leeds", "reading", "heading", "lending", "loading", "states",
            "motions", "options", "sections", "stratford", "martin", "octopus", "trace");
    private static final Map<String, List<String>> SAME_AS = sameAs();
    private static final Set<String> FILLER = Set.copyOf(List.of(
            // English
            "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "about", "is", "are",
            "was", "were", "be", "been", "being", "what", "who", "whom", "which", "when", "where", "how", "why", "do",
            "does", "did", "done", "there", "any", "anything", "some", "something", "me", "my", "i", "we", "our", "us",
            "you", "your", "it", "its", "this", "that", "these", "those", "show", "find", "tell", "give", "list",
            "please", "can", "could", "would", "will", "should", "has", "have", "had", "got", "get", "know", "want",
            "now", "currently", "current", "latest", "news", "status", "happened", "happening", "happens",
            "progress", "update", "updates", "stand", "stands", "standing", "going", "doing", "working", "work", "on",
            "up", "with", "so", "far", "yet", "still", "s", "re", "thing", "things", "let", "see", "look", "looking",
            "hi", "hello", "thanks", "plan", "action", "actions", "activity", "activities", "ccin", "charge",
            "owns", "owner", "heads", "behind", "new", "all", "main", "whats", "whos", "wheres", "hows", "whose",
            "item", "items", "one", "ones", "point", "like", "also", "exactly", "really", "bit", "hold", "holds",
            "contain", "contains", "include", "includes", "cover", "covers", "along", "coming", "anyone", "run", "runs",
            "running", "ran", "looks", "after", "handles", "handling", "manages", "managing", "organising",
            "organizing", "coordinating", "doing", "seem", "seems", "story", "under", "upcoming", "talk", "speak",
            "contact", "ask", "should", "fall", "falls", "gwaith", "gweill", "state", "play", "comes", "come",
            "happen", "end", "before", "outstanding", "start", "soon", "upcoming", "gydar", "ir", "or", "ywr", "maer", "oedd", "wediu",
            "unrhyw", "rhywbeth", "nawr",
            // Welsh
            "y", "yr", "r", "syn", "sy", "n", "sydd", "mae", "yn", "ei", "o", "am", "ar", "gyda", "efo", "gan",
            "yw", "ydy", "ydi", "oes", "ac", "ni", "ein", "chi", "eich", "mewn", "ym", "yng", "wedi", "wedii",
            "dan", "hefyd", "beth", "pwy", "sut", "ble", "pryd", "ynglyn", "fe", "wnaeth", "gyfer", "ynghylch",
            "dangos", "rhestr", "rhestrwch", "dywedwch", "wrthyf", "plis", "diolch", "hwn", "hon", "yma"));
    private static final Set<String> NOT_A_NAME = Set.of("council", "councils", "cllr", "councillor", "cyngor",
            "borough", "city", "county", "group", "team", "person", "people", "someone", "everyone");

    private final List<String> typed;
    private final List<String> words;
    private final boolean typedFilter;

    private QuestionWords(List<String> typed, List<String> words, boolean typedFilter) {
        this.typed = typed;
        this.words = words;
        this.typedFilter = typedFilter;
    }

    static QuestionWords of(String text) {
        String cut = text == null ? "" : text.length() > SearchTerms.MAX_INPUT ? text.substring(0, SearchTerms.MAX_INPUT)
                : text;
        String folded = Normalizer.normalize(cut, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                // Welsh "the" joins the word before it: "themau'r" is "themau" and "r", "gyda'r" "gyda" and "r"
                .replaceAll("(?<=\\p{L})['’]r\\b", " r").replaceAll("['’‘`´]", "");
        List<String> typed = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(folded);
        String previous = "";
        while (matcher.find()) {
            String word = matcher.group();
            List<String> same = SAME_AS.get(word);
            if (word.equals("hydref")) {
                // Welsh "Hydref" is October; "yr hydref" is the autumn
                same = List.of(previous.equals("yr") ? "autumn" : "october");
            }
            if (same == null) {
                same = List.of(corrected(word));
            }
            for (String meaning : same) {
                typed.add(word);
                words.add(meaning);
            }
            previous = word;
        }
        // "fall" is the autumn only as a season ("the fall", "fall 2024"), not "milestones that fall in May"
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("fall") && (i + 1 < words.size() && words.get(i + 1).matches("20\\d\\d")
                    || i > 0 && Set.of("the", "this", "next", "last").contains(words.get(i - 1)))) {
                words.set(i, "autumn");
            }
        }
        return new QuestionWords(List.copyOf(typed), List.copyOf(words), TYPED_FILTER.matcher(cut).find());
    }

    private static String corrected(String word) {
        if (word.length() < 5 || KEEP.contains(word) || VOCABULARY.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        String best = word;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : VOCABULARY) {
            if (Math.abs(known.length() - word.length()) > 2) {
                continue;
            }
            int distance = EditDistance.between(word, known);
            int allowed = Math.min(word.length(), known.length()) >= 8 ? 2 : 1;
            if (distance <= allowed && distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    int size() {
        return words.size();
    }

    boolean hasTypedFilter() {
        return typedFilter;
    }

    boolean hasAny(String... wanted) {
        for (String w : wanted) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    boolean hasAny(Set<String> wanted) {
        return words.stream().anyMatch(wanted::contains);
    }

    /** A phrase in either order of its two words: Welsh puts "next" after "month" ("y mis nesaf"). */
    boolean hasPair(String first, String second) {
        return hasPhrase(first, second) || hasPhrase(second, first);
    }

    boolean hasPhrase(String... phrase) {
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.length && all; j++) {
                all = words.get(i + j).equals(phrase[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    boolean startsWith(String... phrase) {
        if (phrase.length > words.size()) {
            return false;
        }
        for (int j = 0; j < phrase.length; j++) {
            if (!words.get(j).equals(phrase[j])) {
                return false;
            }
        }
        return true;
    }

    /** An action code such as 1.4 (or a funded project's PL2.41) anywhere in the question. */
    Optional<String> code() {
        return words.stream().filter(w -> CODE.matcher(w).matches()).findFirst()
                .map(code -> code.toUpperCase(Locale.ROOT));
    }

    /** The number after "theme" or "objective" ("theme 3", "thema 3"). */
    Optional<String> objectiveNumber() {
        for (int i = 0; i + 1 < words.size(); i++) {
            // "the first objective", "the second theme"
            if (Set.of("theme", "objective").contains(words.get(i + 1)) && NUMBERS.containsKey(words.get(i))) {
                return Optional.of(NUMBERS.get(words.get(i)));
            }
            if (Set.of("theme", "objective", "themes", "objectives", "subtheme").contains(words.get(i))) {
                String next = NUMBERS.getOrDefault(words.get(i + 1), words.get(i + 1));
                if (next.matches("\\d{1,2}")) {
                    return Optional.of(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the question says it means a sub-theme (the 2021 plan's word for its actions). */
    boolean saysSubTheme() {
        return hasAny("subtheme") || hasPhrase("sub", "theme");
    }

    private static final Map<String, String> NUMBERS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("first", "1"),
            Map.entry("second", "2"), Map.entry("third", "3"), Map.entry("fourth", "4"), Map.entry("un", "1"),
            Map.entry("dau", "2"), Map.entry("tri", "3"), Map.entry("pedwar", "4"), Map.entry("cyntaf", "1"),
            Map.entry("six", "6"), Map.entry("twelve", "12"));

    static boolean isNumberWord(String word) {
        return NUMBERS.containsKey(word);
    }

    /** "themes" or "objectives" as the question calls the plan's parts, or "" when it does not say. */
    String objectiveWord() {
        return hasAny("theme", "themes") ? "themes" : hasAny("objective", "objectives") ? "objectives" : "";
    }

    /** The number right after a word: "next 3 months" → 3, "next two weeks" → 2. */
    Optional<Integer> countAfter(String word) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String next = NUMBERS.getOrDefault(words.get(i + 1), words.get(i + 1));
            if (words.get(i).equals(word) && next.matches("\\d{1,2}")) {
                return Optional.of(Integer.parseInt(next));
            }
        }
        return Optional.empty();
    }

    /** A year from 2000 to 2099 named in the question. */
    Optional<Integer> year() {
        return words.stream().filter(w -> w.matches("20\\d\\d")).map(Integer::parseInt).findFirst();
    }

    /**
     * What the question is about, as typed: every word that is not a question word, a period or a filler.
     * "whos leading on the whatsapp groups" → [whatsapp, groups]; "who leads theme 3" → [theme, 3].
     */
    List<String> subject() {
        List<String> subject = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!FILLER.contains(word) && !LEAD_WORDS.contains(word) && !isQuestionWord(word)) {
                subject.add(typed.get(i));
            }
        }
        return subject;
    }

    List<String> subjectWithout(String... more) {
        List<String> subject = new ArrayList<>(subject());
        subject.removeAll(List.of(more));
        return subject;
    }

    private static boolean isQuestionWord(String word) {
        return Set.of("overdue", "late", "delayed", "slipped", "slipping", "missed", "past", "due", "deadline",
                "deadlines", "schedule", "risk", "risky", "danger", "blocked", "stuck", "blocking", "complete",
                "completed", "finished", "achieved", "delivered", "not", "started", "begun", "track", "next", "last",
                "month", "months", "week", "weeks", "year", "years", "expected", "planned", "scheduled", "coming",
                "milestone", "milestones", "objectives", "themes", "aims", "goals", "priorities", "strategy", "under",
                "leadership").contains(word)
                || PlanQuestion.Periods.names().contains(word) || word.matches("20\\d\\d");
    }

    /**
     * Who the question names as a lead: the words after "led by"/"run by", or between "does"/"is"/"are" and the
     * lead word ("what does Nicola Huckerby lead?", "beth mae Nicola yn ei arwain?"). Empty when none.
     */
    List<String> leaderName() {
        int by = -1;
        for (int i = 0; i + 1 < words.size(); i++) {
            if ((words.get(i).equals("led") || words.get(i).equals("run") || words.get(i).equals("leadership")
                    || words.get(i).equals("championed")) && words.get(i + 1).equals("by")) {
                by = i + 2;
            }
            if (words.get(i).equals("under") && words.get(i + 1).equals("leadership")) {
                by = i + 2;
            }
        }
        if (by >= 0) {
            return name(by, words.size());
        }
        int lead = -1;
        for (int i = 0; i < words.size(); i++) {
            if (LEAD_WORDS.contains(words.get(i))) {
                lead = i;
                break;
            }
        }
        for (int i = lead - 1; i >= 0; i--) {
            if (Set.of("does", "do", "is", "are", "has", "have", "did", "will").contains(words.get(i))) {
                return name(i + 1, lead);
            }
        }
        return List.of();
    }

    private List<String> name(int from, int to) {
        List<String> name = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String word = words.get(i);
            if (!FILLER.contains(word) && !NOT_A_NAME.contains(word) && !isQuestionWord(word)
                    && !LEAD_WORDS.contains(word) && !PLAN_WORDS.contains(word)) {
                name.add(typed.get(i));
            }
        }
        return name;
    }

    private static Map<String, List<String>> sameAs() {
        Map<String, List<String>> same = new HashMap<>();
        String[][] pairs = {
            {"whos", "who is"}, {"whose", "who"}, {"whats", "what is"}, {"wheres", "where is"}, {"hows", "how is"},
            {"wot", "what"}, {"whta", "what"}, {"waht", "what"}, {"hwo", "who"}, {"woh", "who"},
            {"pwy", "who"}, {"beth", "what"}, {"mae", "is"}, {"pa", "which"}, {"arwain", "lead"}, {"harwain", "lead"},
            {"arweinydd", "leader"}, {"arweinwyr", "leaders"}, {"arweiniad", "leadership"}, {"dan", "under"},
            {"statws", "status"}, {"sefyllfa", "status"}, {"hwyr", "overdue"}, {"ddyledus", "due"},
            {"dyledus", "due"}, {"erbyn", "due"}, {"thema", "theme"}, {"themau", "themes"}, {"amcan", "objective"},
            {"amcanion", "objectives"}, {"nodau", "goals"}, {"strategaeth", "strategy"}, {"cynllun", "plan"},
            {"gweithred", "action"}, {"gweithredoedd", "actions"}, {"camau", "actions"}, {"cam", "action"},
            {"gam", "action"}, {"mis", "month"}, {"wythnos", "week"}, {"blwyddyn", "year"}, {"flwyddyn", "year"},
            {"nesaf", "next"}, {"nesa", "next"}, {"diwethaf", "last"}, {"dwethaf", "last"},
            {"eleni", "this year"}, {"llynedd", "last year"}, {"sut", "how"}, {"perygl", "risk"},
            {"rwystro", "blocked"}, {"rhwystro", "blocked"}, {"cwblhau", "complete"}, {"gwblhau", "complete"},
            {"cwblhawyd", "complete"}, {"gorffen", "finished"}, {"orffen", "finished"}, {"dechrau", "started"},
            {"ddechrau", "started"}, {"heb", "not"}, {"trywydd", "track"}, {"digwyddodd", "happened"},
            {"ddigwyddodd", "happened"}, {"cyfrifol", "responsible"}, {"gyfrifol", "responsible"},
            {"newyddion", "news"}, {"hwn", "this"}, {"hon", "this"}, {"yma", "this"}, {"cynnydd", "progress"}, {"gynnydd", "progress"}, {"mynd", "going"}, {"digwydd", "happening"}, {"ddigwydd", "happening"}, {"diweddaraf", "latest"}, {"ionawr", "january"}, {"chwefror", "february"},
            {"mawrth", "march"}, {"ebrill", "april"}, {"mehefin", "june"}, {"gorffennaf", "july"},
            {"awst", "august"}, {"medi", "september"}, {"tachwedd", "november"}, {"rhagfyr", "december"},
            {"gwanwyn", "spring"}, {"haf", "summer"}, {"gaeaf", "winter"},
            {"subtheme", "subtheme"}, {"isthema", "subtheme"}, {"pryd", "when"}, {"gweill", "planned"},
            {"jan", "january"}, {"feb", "february"}, {"mar", "march"}, {"apr", "april"}, {"jun", "june"},
            {"jul", "july"}, {"aug", "august"}, {"sep", "september"}, {"sept", "september"}, {"oct", "october"},
            {"nov", "november"}, {"dec", "december"}};
        for (String[] pair : pairs) {
            same.put(pair[0], List.of(pair[1].split(" ")));
        }
        return Map.copyOf(same);
    }
}
