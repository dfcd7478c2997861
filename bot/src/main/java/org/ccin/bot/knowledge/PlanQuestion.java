package org.ccin.bot.knowledge;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Progress;
import org.ccin.store.search.SearchTerms;

/**
 * What a typed question asks of the action plan, if anything: an action by its code, actions by progress, overdue
 * or due in a period, actions led by someone, or actions about some words. English and Welsh phrasings.
 */
sealed interface PlanQuestion {
    record ByCode(String code) implements PlanQuestion { }

    record WithProgress(Set<Progress> progress, String label) implements PlanQuestion { }

    record Overdue() implements PlanQuestion { }

    record Due(LocalDate from, LocalDate to, String label) implements PlanQuestion { }

    record LedBy(List<String> words, String name) implements PlanQuestion { }

    record About(String words) implements PlanQuestion { }

    Pattern CODE_ALONE = Pattern.compile("(?iu)^\\s*(?:action|activity|gweithred|cam|sub-?theme|is-?thema)?\\s*"
            + "(\\d{1,2}\\.\\d{1,2})\\s*[?.!]?\\s*$");
    Pattern CODE_WITH_WORD = Pattern.compile("(?iu)\\b(?:action|activity|gweithred|cam)\\s+(\\d{1,2}\\.\\d{1,2})\\b");
    Pattern LED_BY = Pattern.compile("(?iu)\\b(?:led by|leads? by|run by|dan arweiniad|wedi'?u harwain gan)\\s+(.+)");
    Pattern DOES_LEAD = Pattern.compile("(?iu)\\b(?:what|which)(?: actions?)? (?:does|do|is|are) (.+?) "
            + "(?:lead|leading|champion|in charge of)\\b");
    Pattern DUE = Pattern.compile("(?iu)\\b(?:due|deadline|ddyledus|erbyn)\\b");
    Pattern THIS_MONTH = Pattern.compile("(?iu)\\b(this month|y mis hwn)\\b");
    Pattern NEXT_MONTH = Pattern.compile("(?iu)\\b(next month|mis nesaf)\\b");
    Pattern THIS_YEAR = Pattern.compile("(?iu)\\b(this year|eleni)\\b");
    Pattern SEASON = Pattern.compile("(?iu)\\b(spring|summer|autumn|fall|winter|gwanwyn|haf|hydref|gaeaf)\\s+(\\d{4})\\b");
    Pattern MONTH = Pattern.compile("(?iu)\\b(january|february|march|april|may|june|july|august|september|october|"
            + "november|december)\\s+(\\d{4})\\b");
    Pattern OVERDUE = Pattern.compile("(?iu)\\b(overdue|late|behind|past due|missed|hwyr|ar ei hôl hi)\\b");
    Pattern AT_RISK = Pattern.compile("(?iu)\\b(at risk|risky|in danger|mewn perygl)\\b");
    Pattern BLOCKED = Pattern.compile("(?iu)\\b(blocked|stuck|wedi'?i rwystro)\\b");
    Pattern COMPLETE = Pattern.compile("(?iu)\\b(complete|completed|done|finished|achieved|wedi'?i gwblhau|cwblhawyd)\\b");
    Pattern ON_TRACK = Pattern.compile("(?iu)\\b(on track|ar y trywydd)\\b");
    Pattern NOT_STARTED = Pattern.compile("(?iu)\\b(not started|heb ddechrau)\\b");
    Pattern PLAN_WORDS = Pattern.compile("(?iu)\\b(actions?|plan|leads?|led|leading|milestones?|progress|objectives?|"
            + "themes?|strategy|champions?|activit(?:y|ies)|cynllun|camau|arwain|strategaeth)\\b");

    /** @param today for "this month" and the like, in the configured zone */
    /** "theme:health" and the like are filters of a library search, not questions about the plan. */
    Pattern TYPED_FILTER = Pattern.compile("(?iu)\\b[\\p{L}]+:\\S");

    static Optional<PlanQuestion> parse(String text, LocalDate today) {
        String question = text.length() > SearchTerms.MAX_INPUT ? text.substring(0, SearchTerms.MAX_INPUT) : text;
        if (TYPED_FILTER.matcher(question).find()) {
            return Optional.empty();
        }
        Matcher code = CODE_ALONE.matcher(question);
        if (code.matches()) {
            return Optional.of(new ByCode(code.group(1)));
        }
        Matcher codeWithWord = CODE_WITH_WORD.matcher(question);
        if (codeWithWord.find()) {
            return Optional.of(new ByCode(codeWithWord.group(1)));
        }
        Matcher ledBy = LED_BY.matcher(question);
        if (ledBy.find()) {
            return leader(ledBy.group(1));
        }
        Matcher doesLead = DOES_LEAD.matcher(question);
        if (doesLead.find()) {
            return leader(doesLead.group(1));
        }
        if (OVERDUE.matcher(question).find()) {
            return Optional.of(new Overdue());
        }
        Optional<PlanQuestion> due = due(question, today);
        if (due.isPresent()) {
            return due;
        }
        Set<Progress> progress = EnumSet.noneOf(Progress.class);
        List<String> labels = new ArrayList<>();
        addIf(question, AT_RISK, Progress.AT_RISK, progress, labels);
        addIf(question, BLOCKED, Progress.BLOCKED, progress, labels);
        addIf(question, COMPLETE, Progress.COMPLETE, progress, labels);
        addIf(question, ON_TRACK, Progress.ON_TRACK, progress, labels);
        addIf(question, NOT_STARTED, Progress.NOT_STARTED, progress, labels);
        if (!progress.isEmpty() && (PLAN_WORDS.matcher(question).find() || SearchTerms.words(question).size() <= 3)) {
            return Optional.of(new WithProgress(progress, String.join(", ", labels)));
        }
        if (PLAN_WORDS.matcher(question).find() && !SearchTerms.words(question).isEmpty()) {
            return Optional.of(new About(question));
        }
        return Optional.empty();
    }

    private static Optional<PlanQuestion> leader(String rest) {
        String name = rest.replaceAll("(?iu)\\b(lead|leading|leads|in charge|actions?)\\b.*$", "")
                .replaceAll("[?.!]+$", "").strip();
        List<String> words = SearchTerms.words(name);
        return words.isEmpty() ? Optional.empty() : Optional.of(new LedBy(words, name));
    }

    private static Optional<PlanQuestion> due(String question, LocalDate today) {
        if (!DUE.matcher(question).find() && !question.toLowerCase(Locale.ROOT).startsWith("what is happening in")) {
            return Optional.empty();
        }
        if (THIS_MONTH.matcher(question).find()) {
            YearMonth month = YearMonth.from(today);
            return Optional.of(new Due(month.atDay(1), month.atEndOfMonth(), "this month"));
        }
        if (NEXT_MONTH.matcher(question).find()) {
            YearMonth month = YearMonth.from(today).plusMonths(1);
            return Optional.of(new Due(month.atDay(1), month.atEndOfMonth(), "next month"));
        }
        if (THIS_YEAR.matcher(question).find()) {
            return Optional.of(new Due(LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31),
                    "this year"));
        }
        Matcher season = SEASON.matcher(question);
        if (season.find()) {
            String name = welshSeason(season.group(1).toLowerCase(Locale.ROOT));
            int year = Integer.parseInt(season.group(2));
            LocalDate end = MilestoneDates.defaults().dueDate(name + " " + year).orElseThrow();
            return Optional.of(new Due(end.minusMonths(3).plusDays(1), end, season.group(1) + " " + year));
        }
        Matcher month = MONTH.matcher(question);
        if (month.find()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(month.group(2)),
                    Month.valueOf(month.group(1).toUpperCase(Locale.ROOT)));
            return Optional.of(new Due(ym.atDay(1), ym.atEndOfMonth(), month.group(1) + " " + month.group(2)));
        }
        return Optional.empty();
    }

    private static String welshSeason(String season) {
        switch (season) {
            case "gwanwyn": return "spring";
            case "haf": return "summer";
            case "hydref": return "autumn";
            case "gaeaf": return "winter";
            case "fall": return "autumn";
            default: return season;
        }
    }

    private static void addIf(String question, Pattern pattern, Progress value, Set<Progress> into, List<String> labels) {
        Matcher matcher = pattern.matcher(question);
        if (matcher.find()) {
            into.add(value);
            labels.add(matcher.group(1));
        }
    }
}
