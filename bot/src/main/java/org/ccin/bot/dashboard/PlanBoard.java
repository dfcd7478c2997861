package org.ccin.bot.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.PlanWords;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.Words;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.ActionNote;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.plan.Progress;

/**
 * {@code /plan}: the current action plan as a traffic-light board (objectives, their actions with leads, milestones,
 * progress and last update), readable on a phone and printable. Public, or for logged-in staff only (a setting).
 * An action whose milestone has passed undone says "Overdue since …" in words beside its light (not only by colour or
 * emoji), and its latest note is shown with who wrote it and when.
 */
final class PlanBoard implements WebRoutes {
    private final PlanRepository plans;
    private final Messages messages;
    private final StaffSessions sessions;
    private final boolean isPublic;
    private final Clock clock;
    private final ZoneId zone;

    PlanBoard(PlanRepository plans, Messages messages, StaffSessions sessions, boolean isPublic, Clock clock,
              ZoneId zone) {
        this.plans = plans;
        this.messages = messages;
        this.sessions = sessions;
        this.isPublic = isPublic;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/plan", this::show);
        routes.get("/plan/print.css", this::printStyle);
    }

    /**
     * The foot of every printed page (the plan, its version, the date), as a page margin box: only a stylesheet can
     * fill one, and the page's Content-Security-Policy allows only stylesheets of this server, so it is served here.
     */
    private void printStyle(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "no-store");
        Optional<Plan> plan = plans.currentPlan();
        if ((!isPublic && sessions.of(ctx).isEmpty()) || plan.isEmpty()) {
            ctx.result("");
            return;
        }
        Language language = Pages.language(ctx);
        String footer = messages.in(language).plain("web.plan.printed", "title", plan.get().title(language.code()),
                "version", plan.get().version(), "date", messages.in(language).date(LocalDate.now(clock.withZone(zone))));
        ctx.result("@media print { @page { @bottom-center { content: \"" + cssString(footer)
                + "\"; font-family: system-ui, sans-serif; font-size: 9pt; color: #333; } } }\n");
    }

    /** Text inside a CSS string: quotes, backslashes and line ends escaped, nothing else can end it. */
    private static String cssString(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private void show(Context ctx) {
        Language language = Pages.language(ctx);
        Texts texts = messages.in(language);
        if (!isPublic && sessions.of(ctx).isEmpty()) {
            throw Refusal.Unauthorized.page(message(texts, "web.plan.private"));
        }
        Optional<Plan> plan = plans.currentPlan();
        if (plan.isEmpty()) {
            throw Refusal.NotFound.page(message(texts, "web.plan.none"));
        }
        Pages.send(ctx, 200, Templates.render("plan/board.jte", view(plan.get(), texts, language)));
    }

    private static String message(Texts texts, String key) {
        return Templates.renderWith("message.jte", Map.of("lang", texts.language().code(), "title",
                texts.plain("web.plan.title"), "text", texts.plain(key)));
    }

    private PlanView view(Plan plan, Texts texts, Language language) {
        Words w = new Words(texts);
        List<PlanView.Light> legend = new ArrayList<>();
        for (Progress progress : Progress.values()) {
            legend.add(light(progress, w));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<PlanView.ObjectiveView> objectives = new ArrayList<>();
        for (Objective objective : plans.objectives(plan.code())) {
            List<Action> actions = plans.actionsOf(objective.id());
            Map<Long, List<ActionNote>> notes = plans.notesOf(actions.stream().map(Action::id).toList());
            objectives.add(new PlanView.ObjectiveView(objective.code(), objective.title(),
                    summary(plans.progressCounts(objective.id()), texts),
                    actions.stream().map(action -> action(action, notes.getOrDefault(action.id(), List.of()), today, w))
                            .toList()));
        }
        return new PlanView(w, plan.title(language.code()), w.t("web.plan.source", "version", plan.version()),
                language == Language.CY ? "en" : "cy", legend, objectives);
    }

    private static PlanView.Light light(Progress progress, Words w) {
        return new PlanView.Light(lightClass(progress), w.t(progressKey(progress)));
    }

    /** @param notes the action's notes, newest first */
    private PlanView.ActionView action(Action action, List<ActionNote> notes, LocalDate today, Words w) {
        Texts texts = w.texts();
        Optional<PlanView.Overdue> overdue = action.overdueSince(today).map(since -> new PlanView.Overdue(
                since.toString(), w.t("web.plan.overdue", "date", PlanWords.shortDate(since, texts))));
        Optional<String> leads = action.leads().isEmpty() ? Optional.empty()
                : Optional.of(w.t("web.plan.leads", "leads", String.join(", ", action.leads())));
        List<PlanView.MilestoneView> milestones = new ArrayList<>();
        for (Milestone milestone : action.milestones()) {
            // the due date in words, unless the label already holds it
            String due = milestone.dueDate().filter(d -> !milestone.label().matches(".*\\d{4}-\\d{2}-\\d{2}.*"))
                    .map(d -> " (" + texts.shortDate(d) + ")").orElse("");
            milestones.add(new PlanView.MilestoneView(milestone.label() + due, milestone.done()));
        }
        Optional<PlanView.NoteView> latest = notes.stream().findFirst().map(note -> new PlanView.NoteView(
                w.t("web.plan.note", "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts)),
                note.text()));
        // the history on demand, without script: a details element opens it, and it prints closed
        List<PlanView.NoteView> history = notes.stream().map(note -> new PlanView.NoteView(w.t("web.plan.history.entry",
                "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts)), note.text()))
                .toList();
        Optional<String> updated = action.progressUpdatedAt().map(at -> w.t("web.plan.updated", "date",
                texts.shortDate(at.atZone(zone).toLocalDate())));
        return new PlanView.ActionView(action.code(), action.text(), light(action.progress(), w),
                action.progress().name(), overdue, leads, milestones, latest, history,
                w.t("web.plan.history", "count", notes.size()), updated);
    }

    private static String summary(Map<Progress, Integer> counts, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (Progress progress : Progress.values()) {
            int count = counts.getOrDefault(progress, 0);
            if (count > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                        .append(texts.plain(progressKey(progress)));
            }
        }
        return text.toString();
    }

    static String lightClass(Progress progress) {
        return "light-" + progress.name().toLowerCase(Locale.ROOT);
    }

    static String progressKey(Progress progress) {
        return "progress." + progress.name().toLowerCase(Locale.ROOT);
    }
}
