package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.search.SynonymRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Answers a {@link PlanQuestion}: the direct fact first ("1.16 Welcome Pack — led by Nicola Huckerby — complete,
 * Summer 2024", "Actions led by Nicola Huckerby (7): 1.8, 1.16, …"), then the cards, with where the facts come
 * from. Headings name what the plan calls things, never the words as typed.
 */
final class PlanAnswers {
    private static final int MAX_LISTED = 12;
    private static final int MAX_FACTS = 3;

    private final PlanRepository plans;
    private final SynonymRepository synonyms;
    private final PlanCards cards;
    private final Clock clock;
    private final ZoneId zone;
    private final MilestoneDates dates;

    PlanAnswers(PlanRepository plans, SynonymRepository synonyms, Clock clock, ZoneId zone, MilestoneDates dates) {
        this.plans = plans;
        this.synonyms = synonyms;
        this.cards = new PlanCards(plans, clock, zone);
        this.clock = clock;
        this.zone = zone;
        this.dates = dates;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    Optional<PlanQuestion> recognise(String text) {
        return PlanQuestion.parse(text, today(), dates);
    }

    /** The plan as it is now, to find what a question is about. */
    PlanLookup lookup() {
        List<Objective> objectives = new ArrayList<>();
        List<Plan> all = plans.plans();
        all.forEach(p -> objectives.addAll(plans.objectives(p.code())));
        return new PlanLookup(all, objectives, plans.allActions(), synonyms.expansions());
    }

    /** A recognised question about the plan. @return false when it names nothing the plan has (let the library try) */
    boolean answerQuestion(Context context, String text) {
        Optional<PlanQuestion> question = recognise(text);
        return question.isPresent() && answer(context, question.get());
    }

    /** Words without question words that name something only the plan has ("welcom pack", "brand guidlines"). */
    boolean answerDistinctive(Context context, String text) {
        QuestionWords words = QuestionWords.of(text);
        if (words.hasTypedFilter()) {
            return false;
        }
        PlanLookup lookup = lookup();
        List<String> subject = words.subject();
        return lookup.isDistinctive(subject) && subjectAnswer(context, lookup, subject, false);
    }

    /** What the plan has every word of, when the library had nothing. */
    boolean answerAbout(Context context, String text) {
        QuestionWords words = QuestionWords.of(text);
        PlanLookup lookup = lookup();
        return !words.hasTypedFilter() && lookup.coversEveryWord(words.subject())
                && subjectAnswer(context, lookup, words.subject(), false);
    }

    boolean answer(Context context, PlanQuestion question) {
        Texts texts = context.texts();
        PlanLookup lookup = lookup();
        if (question instanceof PlanQuestion.ByCode byCode) {
            return byCode(context, lookup, byCode.code());
        }
        if (question instanceof PlanQuestion.LeadOf leadOf) {
            if (subjectAnswer(context, lookup, leadOf.subject(), true)) {
                return true;
            }
            context.reply().send(texts.get("plan.lookup.none"));
            return true;
        }
        if (question instanceof PlanQuestion.StatusOf statusOf) {
            return !onlyMentionedInAnOlderPlan(lookup, statusOf.subject())
                    && subjectAnswer(context, lookup, statusOf.subject(), false);
        }
        if (question instanceof PlanQuestion.About about) {
            return !onlyMentionedInAnOlderPlan(lookup, about.subject())
                    && subjectAnswer(context, lookup, about.subject(), false);
        }
        if (question instanceof PlanQuestion.LedBy ledBy) {
            return ledBy(context, lookup, ledBy.name(), QuestionWords.of(text(context)).subject());
        }
        if (question instanceof PlanQuestion.WithProgress withProgress) {
            if (namesOneThing(lookup, withProgress.subject())
                    && subjectAnswer(context, lookup, withProgress.subject(), false)) {
                return true;
            }
            StringJoiner what = new StringJoiner(" / ");
            withProgress.progress().forEach(p -> what.add(TrafficLight.word(p, texts)));
            List<Action> found = plans.withProgress(withProgress.progress());
            list(context, texts.get("plan.answer.progress", "what", what.toString(), "count", found.size(),
                    "codes", codes(found)), found);
            return true;
        }
        if (question instanceof PlanQuestion.Overdue overdue) {
            if (namesOneThing(lookup, overdue.subject()) && subjectAnswer(context, lookup, overdue.subject(), false)) {
                return true;
            }
            List<Action> found = plans.overdue(today());
            list(context, texts.get("plan.answer.overdue", "today", PlanCards.date(today(), texts),
                    "count", found.size(), "codes", codes(found)), found);
            return true;
        }
        if (question instanceof PlanQuestion.Due due) {
            List<Action> found = plans.dueBetween(due.range().from(), due.range().to());
            list(context, texts.get("plan.answer.due", "from", PlanCards.date(due.range().from(), texts),
                    "to", PlanCards.date(due.range().to(), texts), "count", found.size(), "codes", codes(found)),
                    found);
            return true;
        }
        if (question instanceof PlanQuestion.InObjective in) {
            Optional<Objective> objective = lookup.objective(in.called(), in.code());
            if (objective.isEmpty()) {
                context.reply().send(texts.get("plan.objective.unknown", "code", in.code()));
                return true;
            }
            objective(context, lookup, objective.get(), false);
            return true;
        }
        if (question instanceof PlanQuestion.Objectives list) {
            objectives(context, lookup, list.themes());
            return true;
        }
        return false;
    }

    /**
     * Whether the best the plan has for "what is X" is an older plan's passing mention (no keyword of it matched):
     * then X is more likely a topic for the library ("what is community wealth building?"), and the plan answers
     * only when the library has nothing.
     */
    private static boolean onlyMentionedInAnOlderPlan(PlanLookup lookup, List<String> subject) {
        QuestionWords words = QuestionWords.of(String.join(" ", subject));
        if (words.code().isPresent() || words.objectiveNumber().isPresent()) {
            return false;
        }
        List<PlanLookup.ActionMatch> matches = lookup.actions(subject);
        return !matches.isEmpty() && !lookup.isCurrent(matches.get(0).action().planCode())
                && matches.get(0).phrase().isEmpty();
    }

    /**
     * Whether "is X complete?" or "is X late?" names one thing to answer about (an action code, a theme, words only
     * a keyword or two has), rather than narrowing the list with a stray word ("what's running late").
     */
    private static boolean namesOneThing(PlanLookup lookup, List<String> subject) {
        QuestionWords words = QuestionWords.of(String.join(" ", subject));
        return !subject.isEmpty() && (words.code().isPresent() || words.objectiveNumber().isPresent()
                || lookup.isDistinctive(subject));
    }

    private boolean byCode(Context context, PlanLookup lookup, String code) {
        return byCode(context, lookup, code, false);
    }

    private boolean byCode(Context context, PlanLookup lookup, String code, boolean subTheme) {
        Texts texts = context.texts();
        List<Action> actions = new ArrayList<>(lookup.byCode(code));
        if (subTheme) {
            // "sub-theme 3.1" is what the 2021 plan called its actions
            actions.sort((a, b) -> Boolean.compare(!lookup.plan(a.planCode()).map(Plan::hasThemes).orElse(false),
                    !lookup.plan(b.planCode()).map(Plan::hasThemes).orElse(false)));
        }
        if (actions.isEmpty()) {
            context.reply().send(texts.get("plan.code.unknown", "code", code));
            return true;
        }
        StringBuilder text = new StringBuilder(fact(actions.get(0), "", lookup, texts)).append("\n\n")
                .append(cards.card(actions.get(0), texts));
        for (Action older : actions.subList(1, actions.size())) {
            text.append("\n\n").append(texts.get("plan.code.also", "code", older.code())).append('\n')
                    .append(cards.lines(List.of(older), texts));
        }
        context.reply().send(text.toString());
        return true;
    }

    /**
     * What the words are about, found in the plan: an action code, "theme 3", a theme's title, or actions by their
     * words. The direct fact comes first; a question about the lead names the theme's own lead.
     */
    private boolean subjectAnswer(Context context, PlanLookup lookup, List<String> subject, boolean aboutLead) {
        Texts texts = context.texts();
        if (subject.isEmpty()) {
            return false;
        }
        QuestionWords words = QuestionWords.of(String.join(" ", subject));
        Optional<String> code = words.code();
        if (code.isPresent()) {
            return byCode(context, lookup, code.get(), words.saysSubTheme());
        }
        Optional<String> number = words.objectiveNumber();
        Optional<Objective> objective = number.isPresent() ? lookup.objective(words.objectiveWord(), number.get())
                : lookup.objectiveTitled(subject, words.objectiveWord());
        if (number.isPresent() && objective.isEmpty()) {
            context.reply().send(texts.get("plan.objective.unknown", "code", number.get()));
            return true;
        }
        if (objective.isPresent()) {
            objective(context, lookup, objective.get(), aboutLead);
            return true;
        }
        List<PlanLookup.ActionMatch> matches = lookup.actions(subject);
        if (matches.isEmpty()) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        List<PlanLookup.ActionMatch> facts = matches.subList(0, Math.min(MAX_FACTS, matches.size()));
        for (PlanLookup.ActionMatch match : facts) {
            text.append(text.length() == 0 ? "" : "\n").append(fact(match.action(), match.phrase(), lookup, texts));
        }
        if (matches.size() == 1) {
            context.reply().send(text.append("\n\n").append(cards.card(matches.get(0).action(), texts)).toString());
            return true;
        }
        List<Action> shown = matches.stream().map(PlanLookup.ActionMatch::action).limit(MAX_LISTED).toList();
        text.append("\n\n").append(cards.card(shown.get(0), texts));
        if (matches.size() > MAX_FACTS) {
            text.append("\n\n").append(cards.lines(shown.subList(MAX_FACTS, shown.size()), texts));
        }
        context.reply().send(text.toString(), buttons(shown));
        return true;
    }

    private static String text(Context context) {
        return context.incoming().text().orElse("");
    }

    private boolean ledBy(Context context, PlanLookup lookup, List<String> name, List<String> subject) {
        Texts texts = context.texts();
        List<String> leads = lookup.leads(name);
        // "what is the lead officer network doing": no lead of that name, but the plan may have the thing itself
        if (leads.isEmpty() && !subject.isEmpty() && lookup.isDistinctive(subject)
                && subjectAnswer(context, lookup, subject, false)) {
            return true;
        }
        if (leads.isEmpty()) {
            context.reply().send(texts.get("plan.led.nobody"));
            return true;
        }
        List<Action> found = lookup.ledBy(leads);
        StringBuilder heading = new StringBuilder(texts.get("plan.answer.led", "name", String.join(", ", leads),
                "count", found.size(), "codes", codes(found)));
        for (Objective objective : lookup.objectivesLedBy(leads)) {
            heading.append('\n').append(texts.get("plan.answer.led.objective", "what", objectiveName(objective,
                    lookup, texts)));
        }
        list(context, heading.toString(), found);
        return true;
    }

    /** A theme or objective: who leads it (its own lead, or the leads of its actions), its counts, its actions. */
    private void objective(Context context, PlanLookup lookup, Objective objective, boolean aboutLead) {
        Texts texts = context.texts();
        List<Action> actions = lookup.actionsOf(objective);
        String name = objectiveName(objective, lookup, texts);
        String lead;
        if (!objective.leads().isEmpty()) {
            lead = texts.get("plan.fact.led", "leads", String.join(", ", objective.leads()));
        } else {
            LinkedHashSet<String> actionLeads = new LinkedHashSet<>();
            actions.forEach(a -> actionLeads.addAll(a.leads()));
            lead = actionLeads.isEmpty() ? texts.get("plan.fact.no.lead")
                    : texts.get("plan.objective.action.leads", "leads", String.join(", ", actionLeads));
        }
        StringBuilder text = new StringBuilder(texts.get("plan.fact.objective", "name", name, "lead",
                Html.trusted(lead), "summary", cards.summary(objective, texts)));
        if (!aboutLead && !objective.summary().isEmpty()) {
            text.append("\n<i>").append(Html.escape(objective.summary())).append("</i>");
        }
        List<Action> shown = actions.size() > MAX_LISTED ? actions.subList(0, MAX_LISTED) : actions;
        if (!shown.isEmpty()) {
            text.append("\n\n").append(cards.lines(shown, texts));
        }
        if (actions.size() > shown.size()) {
            text.append('\n').append(texts.get("plan.answer.more", "count", actions.size() - shown.size()));
        }
        text.append("\n\n").append(cards.source(objective.planCode(), texts));
        context.reply().send(text.toString(), shown.isEmpty() ? null : buttons(shown));
    }

    private void objectives(Context context, PlanLookup lookup, boolean themes) {
        Texts texts = context.texts();
        List<Plan> ordered = new ArrayList<>(lookup.plans());
        // "themes" are what the 2021 plan had; "objectives" are the current strategy's
        ordered.sort((a, b) -> Boolean.compare(themes ? !a.hasThemes() : !a.current(),
                themes ? !b.hasThemes() : !b.current()));
        StringBuilder text = new StringBuilder();
        Keyboard keyboard = Keyboard.create();
        for (Plan plan : ordered) {
            if (!plan.current() && !plan.hasThemes() || !themes && !plan.current() && text.length() > 0) {
                continue;
            }
            List<Objective> parts = lookup.objectives().stream().filter(o -> o.planCode().equals(plan.code()))
                    .toList();
            if (parts.isEmpty()) {
                continue;
            }
            StringJoiner titles = new StringJoiner("; ");
            parts.forEach(o -> titles.add(o.code() + " " + o.title()));
            text.append(text.length() == 0 ? "" : "\n\n").append(texts.get(plan.hasThemes() ? "plan.answer.themes"
                    : "plan.answer.objectives", "plan", plan.title(texts.language().code()), "count", parts.size(),
                    "titles", titles.toString()));
            for (Objective objective : parts) {
                text.append("\n• <b>").append(Html.escape(objective.code())).append("</b> ")
                        .append(Html.escape(objective.title())).append(" — ").append(cards.summary(objective, texts));
                keyboard.row().button(shorten(objective.code() + ". " + objective.title()),
                        PlanButton.SET.data(new PlanButton.ShowObjective(objective.id())));
            }
            text.append('\n').append(cards.source(plan.code(), texts));
        }
        if (text.length() == 0) {
            context.reply().send(texts.get("plan.none"));
            return;
        }
        context.reply().send(text.toString(), keyboard.build());
    }

    /** "Theme 3: Training and support …" or "Objective 1: A cooperative network", and the plan when not current. */
    private static String objectiveName(Objective objective, PlanLookup lookup, Texts texts) {
        Optional<Plan> plan = lookup.plan(objective.planCode());
        boolean theme = plan.map(Plan::hasThemes).orElse(false);
        String name = texts.plain(theme ? "plan.theme.name" : "plan.objective.name", "code", objective.code(),
                "title", objective.title());
        if (plan.isPresent() && !plan.get().current()) {
            name += " (" + plan.get().title(texts.language().code()) + ")";
        }
        return name;
    }

    /** "1.16 Welcome Pack — led by Nicola Huckerby — complete, Summer 2024". */
    static String fact(Action action, String phrase, PlanLookup lookup, Texts texts) {
        String lead = action.leads().isEmpty() ? texts.get("plan.fact.no.lead")
                : texts.get("plan.fact.led", "leads", String.join(", ", action.leads()));
        String progress = TrafficLight.word(action.progress(), texts);
        String state = action.milestones().isEmpty() ? texts.get("plan.fact.state.none", "progress", progress)
                : texts.get("plan.fact.state", "progress", progress, "milestones",
                String.join(", ", action.milestones().stream().map(m -> m.label()).toList()));
        String fact = texts.get("plan.fact.action", "code", action.code(), "title", title(action, phrase),
                "lead", Html.trusted(lead), "state", Html.trusted(state));
        if (!lookup.isCurrent(action.planCode())) {
            fact += " " + texts.get("plan.fact.plan", "plan", lookup.plan(action.planCode())
                    .map(p -> p.title(texts.language().code())).orElse(action.planCode()));
        }
        return TrafficLight.mark(action.progress()) + " " + fact;
    }

    /** The plan's own name for an action: the keyword that matched, as the action's text writes it, or its start. */
    static String title(Action action, String phrase) {
        String text = action.text().replaceAll("\\s+", " ").strip();
        if (!phrase.isBlank()) {
            Matcher written = Pattern.compile(Pattern.quote(phrase),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            if (written.find()) {
                return written.group();
            }
            return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        }
        String first = text.split("(?<=[.;:?!])\\s|\\s[–(]")[0].replaceAll("[.;:]$", "");
        if (first.length() <= 60) {
            return first;
        }
        int cut = first.lastIndexOf(' ', 57);
        return first.substring(0, cut > 20 ? cut : 57) + "…";
    }

    private void list(Context context, String heading, List<Action> actions) {
        Texts texts = context.texts();
        if (actions.isEmpty()) {
            context.reply().send(heading + "\n\n" + texts.get("plan.answer.none"));
            return;
        }
        List<Action> shown = actions.size() > MAX_LISTED ? actions.subList(0, MAX_LISTED) : actions;
        StringBuilder text = new StringBuilder(heading).append("\n\n").append(cards.lines(shown, texts));
        if (actions.size() > shown.size()) {
            text.append("\n").append(texts.get("plan.answer.more", "count", actions.size() - shown.size()));
        }
        LinkedHashSet<String> planCodes = new LinkedHashSet<>();
        shown.forEach(a -> planCodes.add(a.planCode()));
        for (String plan : planCodes) {
            text.append("\n\n").append(cards.source(plan, texts));
        }
        context.reply().send(text.toString(), buttons(shown));
    }

    private static InlineKeyboardMarkup buttons(List<Action> shown) {
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (Action action : shown) {
            buttons.add(Keyboard.callbackButton(TrafficLight.mark(action.progress()) + " " + action.code(),
                    PlanButton.SET.data(new PlanButton.ShowAction(action.id()))));
        }
        return Keyboard.create().grid(buttons, 4).build();
    }

    private static String codes(List<Action> actions) {
        List<String> codes = actions.stream().limit(MAX_LISTED).map(Action::code).toList();
        return String.join(", ", codes) + (actions.size() > MAX_LISTED ? ", …" : "");
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
