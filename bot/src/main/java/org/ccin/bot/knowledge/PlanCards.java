package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.ActionNote;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.plan.Progress;

/**
 * The action plan in words: an action's card, an objective's one-line summary, lists of actions. Overdue is worked
 * out from the milestones and today, and the latest note is shown with who wrote it and when. Thread-safe.
 */
final class PlanCards {
    private static final int LIST_TEXT_MAX = 90;
    private static final int LIST_NOTE_MAX = 80;

    private final PlanRepository plans;
    private final Clock clock;
    private final ZoneId zone;

    PlanCards(PlanRepository plans, Clock clock, ZoneId zone) {
        this.plans = plans;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Everything about one action, and where the fact comes from. */
    String card(Action action, Texts texts) {
        StringBuilder card = new StringBuilder();
        LocalDate today = today();
        Optional<LocalDate> overdue = overdueSince(action, today, currentPlanCode());
        card.append(TrafficLight.mark(action.progress(), overdue.isPresent())).append(" <b>")
                .append(texts.get("plan.action.title", "code", action.code())).append("</b>\n")
                .append(Html.escape(action.text())).append("\n\n");
        card.append(texts.get("plan.action.leads", "leads", action.leads().isEmpty()
                ? texts.plain("plan.action.no.lead") : String.join(", ", action.leads()))).append('\n');
        if (action.milestones().isEmpty()) {
            card.append(texts.get("plan.action.no.milestone")).append('\n');
        }
        for (Milestone milestone : action.milestones()) {
            card.append(texts.get("plan.action.milestone", "milestone", milestone.label(),
                    "due", Html.trusted(due(milestone, texts)))).append('\n');
        }
        card.append(texts.get("plan.action.progress", "progress", TrafficLight.word(action.progress(), texts)));
        overdue.ifPresent(since -> card.append(" · ").append(Html.escape(PlanWords.overdue(since, texts))));
        plans.latestNote(action.id()).ifPresent(note -> card.append('\n').append(texts.get("plan.note.latest",
                "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts),
                "note", note.text())));
        card.append("\n\n").append(source(action.planCode(), texts));
        return card.toString();
    }

    /** "(due 31 August 2024)" when the milestone has a date that differs from its label. */
    private static String due(Milestone milestone, Texts texts) {
        if (milestone.dueDate().isEmpty() || milestone.label().contains(milestone.dueDate().get().toString())) {
            return milestone.done() ? " ✓" : "";
        }
        return " " + texts.get("plan.action.due", "date", date(milestone.dueDate().get(), texts))
                + (milestone.done() ? " ✓" : "");
    }

    static String date(LocalDate date, Texts texts) {
        return texts.date(date);
    }

    /** One line per action: mark, code, the start of its text, overdue; under it the start of its latest note. */
    String lines(List<Action> actions, Texts texts) {
        StringJoiner lines = new StringJoiner("\n");
        LocalDate today = today();
        Map<Long, ActionNote> notes = plans.latestNotes(actions.stream().map(Action::id).toList());
        Optional<String> currentPlan = currentPlanCode();
        for (Action action : actions) {
            String text = action.text().replaceAll("\\s+", " ");
            if (text.length() > LIST_TEXT_MAX) {
                text = text.substring(0, LIST_TEXT_MAX - 1) + "…";
            }
            Optional<LocalDate> overdue = overdueSince(action, today, currentPlan);
            StringBuilder line = new StringBuilder(TrafficLight.mark(action.progress(), overdue.isPresent()))
                    .append(" <b>").append(Html.escape(action.code())).append("</b> ").append(Html.escape(text));
            if (!action.leads().isEmpty()) {
                line.append(" <i>(").append(Html.escape(String.join(", ", action.leads()))).append(")</i>");
            }
            overdue.ifPresent(since -> line.append(" — <i>").append(Html.escape(PlanWords.overdue(since, texts)))
                    .append("</i>"));
            Optional.ofNullable(notes.get(action.id())).ifPresent(note -> line.append('\n').append(texts.get(
                    "plan.note.line", "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts),
                    "note", shorten(note.text().replaceAll("\\s+", " "), LIST_NOTE_MAX))));
            lines.add(line);
        }
        return lines.toString();
    }

    /** Only the current plan's actions can be overdue: an earlier plan's dates were superseded with it. */
    private static Optional<LocalDate> overdueSince(Action action, LocalDate today, Optional<String> currentPlan) {
        return currentPlan.filter(action.planCode()::equals).flatMap(current -> action.overdueSince(today));
    }

    private Optional<String> currentPlanCode() {
        return plans.currentPlan().map(Plan::code);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** "5 on track, 1 complete, 3 not started, ⏰ 4 overdue" for an objective. */
    String summary(Objective objective, Texts texts) {
        Map<Progress, Integer> counts = new EnumMap<>(Progress.class);
        counts.putAll(plans.progressCounts(objective.id()));
        StringJoiner parts = new StringJoiner(", ");
        for (Progress progress : new Progress[] {Progress.ON_TRACK, Progress.AT_RISK, Progress.BLOCKED,
                Progress.COMPLETE, Progress.NOT_STARTED}) {
            Integer count = counts.get(progress);
            if (count != null && count > 0) {
                parts.add(TrafficLight.mark(progress) + " " + count + " " + TrafficLight.word(progress, texts));
            }
        }
        LocalDate today = today();
        Optional<String> currentPlan = currentPlanCode();
        long overdue = plans.actionsOf(objective.id()).stream()
                .filter(a -> overdueSince(a, today, currentPlan).isPresent()).count();
        if (overdue > 0) {
            parts.add(texts.plain("plan.objective.overdue", "count", overdue));
        }
        return parts.length() == 0 ? texts.plain("plan.objective.empty") : parts.toString();
    }

    /** "Source: CCIN Strategy 2024–2026, version 2024–2026". */
    String source(String planCode, Texts texts) {
        Plan plan = plans.plan(planCode).orElseThrow();
        return texts.get("plan.source", "plan", plan.title(texts.language().code()), "version", plan.version());
    }
}
