package org.ccin.bot.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.plan.DateRange;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Progress;

/**
 * What a typed question asks of the action plan, recognised before anything is looked up: who leads something, where
 * something stands, what someone leads, what is overdue, at risk or due in a period, what a theme holds, the
 * strategy's objectives. English and Welsh, with typos in the question words forgiven ("whos leading", "staus",
 * "happend"). The thing asked about is kept as the person's own words ({@code subject}), to be found among the
 * plan's words by {@link PlanLookup}; nothing here rewrites it.
 */
sealed interface PlanQuestion {
    /** "1.4", "action 2.3". */
    record ByCode(String code) implements PlanQuestion { }

    /** "who leads the welcome pack?", "who leads theme 3?". */
    record LeadOf(List<String> subject) implements PlanQuestion { }

    /** "status of the welcome pack", "what happened to the brand guidelines", "is 1.16 done?". */
    record StatusOf(List<String> subject) implements PlanQuestion { }

    /** "what does Nicola Huckerby lead?", "actions led by Sunderland". */
    record LedBy(List<String> name) implements PlanQuestion { }

    /** "what is at risk?", "what is complete?" (a subject, when given, is asked about first). */
    record WithProgress(Set<Progress> progress, List<String> subject) implements PlanQuestion { }

    /** "what is overdue?", "beth sy'n hwyr?". */
    record Overdue(List<String> subject) implements PlanQuestion { }

    /** "what was due in autumn 2024", "what is due next week". */
    record Due(DateRange range) implements PlanQuestion { }

    /** "what is in theme 3", "objective 2". {@code called} is "themes", "objectives" or empty when not said. */
    record InObjective(String called, String code) implements PlanQuestion { }

    /** "what are the objectives of the strategy?", "list the themes". */
    record Objectives(boolean themes) implements PlanQuestion { }

    /** Plan words and something else: "actions about podcasts". */
    record About(List<String> subject) implements PlanQuestion { }

    /** @param today for "this month" and the like, in the configured zone */
    static Optional<PlanQuestion> parse(String text, LocalDate today, MilestoneDates dates) {
        QuestionWords words = QuestionWords.of(text);
        if (words.isEmpty() || words.hasTypedFilter()) {
            return Optional.empty();
        }
        Optional<String> code = words.code();
        Optional<String> objectiveCode = words.objectiveNumber();
        boolean asksWho = words.hasAny("who");
        boolean leadWord = words.hasAny(QuestionWords.LEAD_WORDS);
        if (code.isPresent() && words.subject().size() <= 1 && !asksWho && !leadWord
                && (words.size() <= 2 || words.hasAny("action", "activity", "subtheme"))) {
            return Optional.of(new ByCode(code.get()));
        }
        if (words.hasAny("objectives", "themes", "aims", "goals", "priorities") && objectiveCode.isEmpty()
                && code.isEmpty() && !leadWord && words.subjectWithout("strategy", "plan", "current", "network",
                "ccin", "list", "all", "main", "new", "2024", "2026", "2021", "day", "three", "four", "our", "its",
                "different", "key", "tri", "pedwar", "3", "4").isEmpty()) {
            return Optional.of(new Objectives(words.hasAny("themes")));
        }
        // "who leads …", "who runs …", "who looks after …": a question about a person is a question about the lead
        if (asksWho && (leadWord || words.startsWith("who") || words.hasAny("responsible", "charge", "owns", "owner",
                "heads", "behind", "talk", "speak", "contact", "ask"))) {
            return subject(words).map(LeadOf::new);
        }
        if (leadWord && !asksWho) {
            List<String> name = words.leaderName();
            if (!name.isEmpty()) {
                return Optional.of(new LedBy(name));
            }
            if (words.hasPhrase("lead", "for") || words.hasPhrase("lead", "of") || words.hasPhrase("lead", "on")) {
                return subject(words).map(LeadOf::new);
            }
        }
        if (words.hasAny("overdue", "late", "delayed", "slipped", "slipping", "missed", "outstanding", "behind")
                || words.hasPhrase("past", "due") || words.hasPhrase("behind", "schedule")) {
            return Optional.of(new Overdue(words.subject()));
        }
        Optional<DateRange> period = Periods.find(words, today, dates);
        if (period.isPresent() && (words.subject().isEmpty() || words.hasAny("due", "deadline", "happening",
                "expected", "planned", "scheduled", "milestone", "milestones", "coming", "comes", "actions"))) {
            return Optional.of(new Due(period.get()));
        }
        Set<Progress> progress = progress(words);
        if (!progress.isEmpty()) {
            return Optional.of(new WithProgress(progress, words.subject()));
        }
        if (objectiveCode.isPresent() && words.subject().size() <= 2) {
            return Optional.of(new InObjective(words.objectiveWord(), objectiveCode.get()));
        }
        if (code.isPresent()) {
            return Optional.of(new StatusOf(List.of(code.get())));
        }
        if (words.hasAny("status", "state", "happened", "progress", "update", "updates", "stand", "standing", "stands",
                "going", "doing", "happening", "news", "latest") || words.startsWith("what", "is")
                || words.startsWith("what", "are") || words.startsWith("tell", "me") || words.startsWith("how", "is")
                || words.startsWith("where", "is") || words.startsWith("where", "are")) {
            return subject(words).map(StatusOf::new);
        }
        if (words.hasAny(QuestionWords.PLAN_WORDS)) {
            return subject(words).map(About::new);
        }
        return Optional.empty();
    }

    private static Optional<List<String>> subject(QuestionWords words) {
        List<String> subject = words.subject();
        return subject.isEmpty() ? Optional.empty() : Optional.of(subject);
    }

    private static Set<Progress> progress(QuestionWords words) {
        Set<Progress> progress = EnumSet.noneOf(Progress.class);
        if (words.hasPhrase("at", "risk") || words.hasAny("risky", "risk", "danger")) {
            progress.add(Progress.AT_RISK);
        }
        if (words.hasAny("blocked", "stuck", "blocking")) {
            progress.add(Progress.BLOCKED);
        }
        if (words.hasAny("not", "yet") && words.hasAny("started", "begun", "start")) {
            progress.add(Progress.NOT_STARTED);
        } else if (words.hasPhrase("on", "track")) {
            progress.add(Progress.ON_TRACK);
        } else if (words.hasAny("complete", "completed", "done", "finished", "achieved", "delivered")) {
            progress.add(Progress.COMPLETE);
        }
        return progress;
    }

    /** Periods people name: this/next/last month or week, a month, a season, a year; English and Welsh. */
    final class Periods {
        private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
                "july", "august", "september", "october", "november", "december");
        private static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter");

        private Periods() {
        }

        static Optional<DateRange> find(QuestionWords words, LocalDate today, MilestoneDates dates) {
            Optional<Integer> year = words.year();
            Optional<Integer> ahead = words.countAfter("next");
            if (ahead.isPresent() && ahead.get() > 0 && ahead.get() <= 36) {
                // "the next 3 months", "the next two weeks"
                boolean weeks = words.hasAny("week", "weeks");
                LocalDate end = weeks ? today.plusWeeks(ahead.get()) : today.plusMonths(ahead.get());
                return Optional.of(new DateRange(today, end));
            }
            if (words.hasPhrase("end", "of", "the", "year") || words.hasPhrase("end", "of", "year")) {
                return Optional.of(new DateRange(today, LocalDate.of(year.orElse(today.getYear()), 12, 31)));
            }
            for (String relative : List.of("this", "next", "last")) {
                int shift = relative.equals("this") ? 0 : relative.equals("next") ? 1 : -1;
                if (words.hasPair(relative, "month")) {
                    LocalDate first = today.withDayOfMonth(1).plusMonths(shift);
                    return Optional.of(new DateRange(first, first.plusMonths(1).minusDays(1)));
                }
                if (words.hasPair(relative, "week")) {
                    LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L).plusWeeks(shift);
                    return Optional.of(new DateRange(monday, monday.plusDays(6)));
                }
                if (words.hasPair(relative, "year")) {
                    int y = today.getYear() + shift;
                    return Optional.of(new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
                }
                for (String season : SEASONS) {
                    if (words.hasPair(relative, season)) {
                        return dates.season(season, seasonYear(season, today) + shift);
                    }
                }
            }
            for (String season : SEASONS) {
                if (words.hasAny(season)) {
                    return dates.season(season, year.orElse(seasonYear(season, today)));
                }
            }
            for (int i = 0; i < MONTHS.size(); i++) {
                // "may" is also a verb: a month only with a year or after "in"/"by"
                String month = MONTHS.get(i);
                if (words.hasAny(month) && (!month.equals("may") || year.isPresent() || words.hasPhrase("in", "may")
                        || words.hasPhrase("by", "may"))) {
                    LocalDate first = LocalDate.of(year.orElse(today.getYear()), i + 1, 1);
                    return Optional.of(new DateRange(first, first.plusMonths(1).minusDays(1)));
                }
            }
            if (year.isPresent()) {
                return Optional.of(new DateRange(LocalDate.of(year.get(), 1, 1), LocalDate.of(year.get(), 12, 31)));
            }
            if (words.hasAny("soon", "upcoming") || words.hasPhrase("coming", "up")) {
                // "what is due soon", with no period named: the next three months
                return Optional.of(new DateRange(today, today.plusMonths(3)));
            }
            return Optional.empty();
        }

        /** Winter in January belongs to the winter that started the year before. */
        private static int seasonYear(String season, LocalDate today) {
            return season.equals("winter") && today.getMonthValue() <= 2 ? today.getYear() - 1 : today.getYear();
        }

        static List<String> names() {
            List<String> all = new ArrayList<>(MONTHS);
            all.addAll(SEASONS);
            return all;
        }
    }
}
