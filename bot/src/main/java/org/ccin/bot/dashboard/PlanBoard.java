package org.ccin.bot.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.PlanWords;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.Store;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.ActionNote;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.Progress;

/**
 * {@code /plan}: the current action plan as a traffic-light board (objectives, their actions with leads, milestones,
 * progress and last update), readable on a phone and printable. Public, or for logged-in staff only (a setting).
 * An action whose milestone has passed undone says "Overdue since …" in words beside its light (not only by colour or
 * emoji), and its latest note is shown with who wrote it and when.
 */
final class PlanBoard implements WebRoutes {
    private final Store store;
    private final Messages messages;
    private final StaffSessions sessions;
    private final boolean isPublic;
    private final Clock clock;
    private final ZoneId zone;

    PlanBoard(Store store, Messages messages, StaffSessions sessions, boolean isPublic, Clock clock, ZoneId zone) {
        this.store = store;
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
        Optional<Plan> plan = store.plans().currentPlan();
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
            Pages.send(ctx, 401, Pages.page(language, texts.get("web.plan.title"),
                    "<div class=\"message\"><p>" + texts.get("web.plan.private") + "</p></div>", List.of()));
            return;
        }
        Optional<Plan> plan = store.plans().currentPlan();
        if (plan.isEmpty()) {
            Pages.send(ctx, 404, Pages.page(language, texts.get("web.plan.title"),
                    "<div class=\"message\"><p>" + texts.get("web.plan.none") + "</p></div>", List.of()));
            return;
        }
        Pages.send(ctx, 200, Pages.page(language, Html.escape(plan.get().title(language.code())),
                board(plan.get(), texts, language), List.of("print.js")));
    }

    private String board(Plan plan, Texts texts, Language language) {
        StringBuilder html = new StringBuilder("<header class=\"top\"><h1>").append(Html.escape(plan.title(language.code())))
                .append("</h1><p>").append(texts.get("web.plan.source", "version", plan.version())).append("</p>")
                .append("<nav class=\"tools\"><button id=\"print\" type=\"button\">").append(texts.get("web.print"))
                .append("</button><a href=\"/plan?lang=").append(language == Language.CY ? "en" : "cy").append("\">")
                .append(texts.get("web.other.language")).append("</a></nav></header><main>");
        html.append("<section class=\"card\"><div class=\"legend\">");
        for (Progress progress : Progress.values()) {
            html.append("<span class=\"").append(lightClass(progress)).append("\"><i class=\"light\"></i>")
                    .append(texts.get(progressKey(progress))).append("</span>");
        }
        html.append("<span class=\"overdue-key\">").append(texts.get("web.plan.overdue.legend")).append("</span>");
        html.append("</div></section>");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // the foot of every printed page: the plan, its version, the date (see printStyle)
        html.append("<link rel=\"stylesheet\" media=\"print\" href=\"/plan/print.css?lang=").append(language.code())
                .append("\">");
        for (Objective objective : store.plans().objectives(plan.code())) {
            List<Action> actions = store.plans().actionsOf(objective.id());
            Map<Long, List<ActionNote>> notes = store.plans().notesOf(actions.stream().map(Action::id).toList());
            html.append("<section class=\"card objective\" id=\"objective-").append(Html.escape(objective.code()))
                    .append("\"><h2>").append(Html.escape(objective.code())).append(". ")
                    .append(Html.escape(objective.title())).append("</h2><p class=\"counts\">")
                    .append(summary(store.plans().progressCounts(objective.id()), texts)).append("</p><ul class=\"actions\">");
            for (Action action : actions) {
                html.append(action(action, notes.getOrDefault(action.id(), List.of()), today, texts, language));
            }
            html.append("</ul></section>");
        }
        return html.append("</main>").toString();
    }

    /** @param notes the action's notes, newest first */
    private String action(Action action, List<ActionNote> notes, LocalDate today, Texts texts, Language language) {
        StringBuilder html = new StringBuilder("<li class=\"action ").append(lightClass(action.progress()))
                .append("\" id=\"action-").append(Html.escape(action.code())).append("\" data-progress=\"")
                .append(action.progress().name()).append("\"><i class=\"light\" title=\"")
                .append(texts.get(progressKey(action.progress()))).append("\"></i><span class=\"code\">")
                .append(Html.escape(action.code())).append("</span>").append(Html.escape(action.text()))
                .append("<span class=\"status\">").append(texts.get(progressKey(action.progress()))).append("</span>");
        action.overdueSince(today).ifPresent(since -> html.append("<span class=\"overdue\" data-overdue-since=\"")
                .append(since).append("\"><span aria-hidden=\"true\">").append(PlanWords.OVERDUE_MARK)
                .append("</span> ").append(texts.get("web.plan.overdue", "date", PlanWords.shortDate(since, texts)))
                .append("</span>"));
        if (!action.leads().isEmpty()) {
            html.append("<div class=\"meta\">").append(texts.get("web.plan.leads", "leads",
                    String.join(", ", action.leads()))).append("</div>");
        }
        if (!action.milestones().isEmpty()) {
            html.append("<div class=\"meta\">").append(texts.get("web.plan.milestones")).append(' ');
            for (int i = 0; i < action.milestones().size(); i++) {
                Milestone milestone = action.milestones().get(i);
                html.append(i == 0 ? "" : "; ").append(milestone.done() ? "<span class=\"done\">" : "<span>")
                        .append(Html.escape(milestone.label()));
                milestone.dueDate().filter(d -> !milestone.label().matches(".*\\d{4}-\\d{2}-\\d{2}.*"))
                        .ifPresent(due -> html.append(" (").append(Html.escape(texts.shortDate(due))).append(')'));
                html.append("</span>");
            }
            html.append("</div>");
        }
        if (!notes.isEmpty()) {
            ActionNote latest = notes.get(0);
            html.append("<div class=\"note\"><span class=\"note-by\">").append(texts.get("web.plan.note",
                    "who", PlanWords.author(latest, texts), "date", PlanWords.noteDate(latest, zone, texts)))
                    .append("</span> ").append(Html.escape(latest.text())).append("</div>");
        }
        if (notes.size() > 1) {
            // the history on demand, without script: a details element opens it, and it prints closed
            html.append("<details class=\"history\"><summary>").append(texts.get("web.plan.history",
                    "count", notes.size())).append("</summary><ol>");
            for (ActionNote note : notes) {
                html.append("<li><span class=\"note-by\">").append(texts.get("web.plan.history.entry",
                        "who", PlanWords.author(note, texts), "date", PlanWords.noteDate(note, zone, texts)))
                        .append("</span> ").append(Html.escape(note.text())).append("</li>");
            }
            html.append("</ol></details>");
        }
        action.progressUpdatedAt().ifPresent(at -> html.append("<div class=\"meta\">")
                .append(texts.get("web.plan.updated", "date", texts.shortDate(at.atZone(zone).toLocalDate())))
                .append("</div>"));
        return html.append("</li>").toString();
    }

    private static String summary(Map<Progress, Integer> counts, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (Progress progress : Progress.values()) {
            int count = counts.getOrDefault(progress, 0);
            if (count > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                        .append(texts.get(progressKey(progress)));
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
