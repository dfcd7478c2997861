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
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.PlanWords;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.Store;
import org.ccin.store.dashboard.Figures;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Progress;

/**
 * The staff dashboard: the login by one-time link (the link opens a page whose button logs in, so that a link
 * preview fetching it uses nothing), the charts, and logging out. Forms carry a per-session token and POSTs from
 * another site's page are refused.
 */
final class DashboardPages implements WebRoutes {
    private static final int WEEKS = 12;
    private static final int DAYS = 30;

    private final Store store;
    private final Messages messages;
    private final StaffSessions sessions;
    private final NewsletterTopics topics;
    private final Clock clock;
    private final ZoneId zone;

    DashboardPages(Store store, Messages messages, StaffSessions sessions, NewsletterTopics topics, Clock clock,
                   ZoneId zone) {
        this.store = store;
        this.messages = messages;
        this.sessions = sessions;
        this.topics = topics;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/login", this::loginPage);
        routes.post("/dashboard/login", this::login);
        routes.get("/dashboard", this::dashboard);
        routes.post("/dashboard/logout", this::logout);
    }

    private void loginPage(Context ctx) {
        Language language = Pages.language(ctx);
        Texts texts = messages.in(language);
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        if (token.isEmpty() || !store.webLogins().isValid(token)) {
            refuse(ctx, 403, texts, "web.login.used");
            return;
        }
        message(ctx, 200, texts, "<p>" + texts.get("web.login.intro") + "</p><form method=\"post\" "
                + "action=\"/dashboard/login\"><input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token)
                + "\"><button class=\"primary\" id=\"login\" type=\"submit\">" + texts.get("web.login.button")
                + "</button></form>");
    }

    private void login(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        if (!Pages.isSameOrigin(ctx)) {
            refuse(ctx, 403, texts, "web.forbidden");
            return;
        }
        Optional<String> session = token.isEmpty() ? Optional.empty()
                : store.webLogins().redeem(token, StaffSessions.LIFETIME);
        if (session.isEmpty()) {
            refuse(ctx, 403, texts, "web.login.used");
            return;
        }
        sessions.open(ctx, session.get());
        store.auditLog().record(store.webLogins().session(session.get()).map(WebLogins.Session::telegramUserId),
                "dashboard.login", "", "");
        ctx.redirect("/dashboard", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (!Pages.isSameOrigin(ctx) || session.isEmpty() || !session.get().csrf().equals(ctx.formParam("csrf"))) {
            refuse(ctx, 403, texts, "web.forbidden");
            return;
        }
        sessions.close(ctx);
        message(ctx, 200, texts, "<p>" + texts.get("web.logout.done") + "</p>");
    }

    private void dashboard(Context ctx) {
        Language language = Pages.language(ctx);
        Texts texts = messages.in(language);
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            refuse(ctx, 401, texts, "web.login.needed");
            return;
        }
        Figures figures = store.figures();
        String lang = language.code();
        StringBuilder html = new StringBuilder("<header class=\"top\"><h1>").append(texts.get("web.dashboard.title"))
                .append("</h1><nav class=\"tools\"><a href=\"/plan\">").append(texts.get("web.plan.title"))
                .append("</a><a id=\"audit-link\" href=\"/dashboard/audit?lang=").append(lang).append("\">")
                .append(texts.get("web.audit.title")).append("</a><a id=\"measures-link\" href=\"/dashboard/measures?lang=")
                .append(lang).append("\">").append(texts.get("web.measures.title"))
                .append("</a><form class=\"inline\" method=\"post\" "
                        + "action=\"/dashboard/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.escape(session.get().csrf())).append("\"><button "
                        + "type=\"submit\" id=\"logout\">").append(texts.get("web.logout")).append("</button></form>")
                .append("</nav></header><main>");
        overdue(html, texts);
        html.append("<div class=\"charts\">");
        chart(html, texts.get("web.chart.categories"), SvgCharts.bars(texts.plain("web.chart.categories"),
                counts(figures.membersByCategory(lang))));
        chart(html, texts.get("web.chart.regions"), SvgCharts.bars(texts.plain("web.chart.regions"),
                counts(figures.membersByRegion(lang))));
        chart(html, texts.get("web.chart.joins", "weeks", WEEKS), SvgCharts.bars(texts.plain("web.chart.joins",
                "weeks", WEEKS), counts(figures.groupJoinsPerWeek(WEEKS, zone))));
        List<SvgCharts.Bar> subscribers = new ArrayList<>();
        figures.subscribersByTopic().forEach(c -> subscribers.add(new SvgCharts.Bar(topics.name(c.label(), texts),
                c.count())));
        chart(html, texts.get("web.chart.subscribers"), SvgCharts.bars(texts.plain("web.chart.subscribers"), subscribers));
        List<SvgCharts.Bar> answers = new ArrayList<>();
        figures.reminderAnswers().forEach(c -> answers.add(new SvgCharts.Bar(texts.plain("web.answer."
                + c.label().toLowerCase(Locale.ROOT)), c.count())));
        chart(html, texts.get("web.chart.answers"), SvgCharts.bars(texts.plain("web.chart.answers"), answers));
        List<String> lights = new ArrayList<>();
        for (Progress progress : Progress.values()) {
            lights.add(progress.name());
        }
        Map<String, Map<String, Integer>> overTime = figures.progressOverTime(DAYS);
        chart(html, texts.get("web.chart.lights", "days", DAYS), SvgCharts.stacked(texts.plain("web.chart.lights",
                "days", DAYS), overTime, lights));
        List<SvgCharts.Bar> reached = new ArrayList<>();
        figures.newsletterReach(10).forEach(r -> reached.add(new SvgCharts.Bar(r.title(), r.delivered())));
        chart(html, texts.get("web.chart.reach"), SvgCharts.bars(texts.plain("web.chart.reach"), reached));
        html.append("</div><section class=\"card\"><h2>").append(texts.get("web.chart.reach"))
                .append("</h2><table class=\"figures\"><tr><th>").append(texts.get("web.reach.title")).append("</th><th>")
                .append(texts.get("web.reach.recipients")).append("</th><th>").append(texts.get("web.reach.delivered"))
                .append("</th></tr>");
        for (Figures.Reach reach : figures.newsletterReach(10)) {
            html.append("<tr><td>").append(Html.escape(reach.title())).append("</td><td>").append(reach.recipients())
                    .append("</td><td>").append(reach.delivered()).append("</td></tr>");
        }
        html.append("</table></section></main>");
        Pages.send(ctx, 200, Pages.page(language, texts.get("web.dashboard.title"), html.toString(), List.of()));
    }

    /** The current plan's overdue actions, their light as the lead set it and since when they are late, in words. */
    private void overdue(StringBuilder html, Texts texts) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Action> overdue = store.plans().overdue(today);
        html.append("<section class=\"card\" id=\"overdue\"><h2>").append(texts.get("web.dashboard.overdue",
                "count", overdue.size())).append("</h2>");
        if (overdue.isEmpty()) {
            html.append("<p class=\"note\">").append(texts.get("web.dashboard.overdue.none")).append("</p></section>");
            return;
        }
        html.append("<div class=\"scroll\"><table class=\"figures\">");
        for (Action action : overdue) {
            LocalDate since = action.overdueSince(today).orElseThrow();
            html.append("<tr data-action=\"").append(Html.escape(action.code())).append("\"><td><a href=\"/plan?lang=")
                    .append(texts.language().code()).append("#action-").append(Html.escape(action.code())).append("\">")
                    .append(Html.escape(action.code())).append("</a></td><td>")
                    .append(texts.get(PlanBoard.progressKey(action.progress()))).append("</td><td class=\"overdue\">")
                    .append("<span aria-hidden=\"true\">").append(PlanWords.OVERDUE_MARK).append("</span> ")
                    .append(texts.get("web.plan.overdue", "date", PlanWords.shortDate(since, texts)))
                    .append("</td><td>").append(Html.escape(String.join(", ", action.leads()))).append("</td></tr>");
        }
        html.append("</table></div></section>");
    }

    private static void chart(StringBuilder html, String title, String svg) {
        html.append("<section class=\"card\"><h2>").append(title).append("</h2>");
        html.append(svg.isEmpty() ? "<p class=\"note\">-</p>" : svg).append("</section>");
    }

    private static List<SvgCharts.Bar> counts(List<Figures.Count> counts) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        counts.forEach(c -> bars.add(new SvgCharts.Bar(c.label(), c.count())));
        return bars;
    }

    private static void refuse(Context ctx, int status, Texts texts, String key) {
        message(ctx, status, texts, "<p>" + texts.get(key) + "</p>");
    }

    private static void message(Context ctx, int status, Texts texts, String body) {
        Pages.send(ctx, status, Pages.page(texts.language(), texts.get("web.dashboard.title"),
                "<div class=\"message\"><h1>" + texts.get("web.dashboard.title") + "</h1>" + body + "</div>", List.of()));
    }
}
