package org.ccin.bot.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.routing.StaffPage;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.dashboard.WebLogins;

/**
 * The staff dashboard: the login by one-time link (the link opens a page whose button logs in, so that a link
 * preview fetching it uses nothing), the sections for a period of 4, 12 or 52 weeks, each chart's figures as a CSV
 * download, and logging out. A login link may name a page of a feature to land on ({@link #landing}). Pages are jte templates. Forms carry a per-session token and POSTs from another site's
 * page are refused.
 */
final class DashboardPages implements WebRoutes {
    private final WebLogins logins;
    private final AuditLog auditLog;
    private final Messages messages;
    private final StaffSessions sessions;
    private final DashboardSections sections;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<List<StaffPage>> staffPages;

    DashboardPages(WebLogins logins, AuditLog auditLog, Messages messages, StaffSessions sessions,
                   DashboardSections sections, Clock clock, ZoneId zone, Supplier<List<StaffPage>> staffPages) {
        this.logins = logins;
        this.auditLog = auditLog;
        this.messages = messages;
        this.sessions = sessions;
        this.sections = sections;
        this.clock = clock;
        this.zone = zone;
        this.staffPages = staffPages;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/login", this::loginPage);
        routes.post("/dashboard/login", this::login);
        routes.get("/dashboard", this::dashboard);
        routes.get("/dashboard/csv/{chart}", this::csv);
        routes.post("/dashboard/logout", this::logout);
    }

    private static Words words(Context ctx, Messages messages) {
        return new Words(messages.in(Pages.language(ctx)));
    }

    private void loginPage(Context ctx) {
        Words w = words(ctx, messages);
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
        if (token.isEmpty() || !logins.isValid(token)) {
            throw Refusal.Forbidden.page(MessageView.page(w, w.t("web.login.used")));
        }
        String asked = Optional.ofNullable(ctx.queryParam("lang")).flatMap(Language::fromCode).map(Language::code)
                .orElse("");
        Pages.send(ctx, 200, Templates.render("dashboard/message.jte", new MessageView(w, w.t("web.login.intro"),
                token, landing(ctx.queryParam("next")).orElse(""), asked)));
    }

    private void login(Context ctx) {
        Words w = words(ctx, messages);
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        if (!Pages.isSameOrigin(ctx)) {
            throw Refusal.Forbidden.page(MessageView.page(w, w.t("web.forbidden")));
        }
        Optional<String> session = token.isEmpty() ? Optional.empty()
                : logins.redeem(token, StaffSessions.LIFETIME);
        if (session.isEmpty()) {
            throw Refusal.Forbidden.page(MessageView.page(w, w.t("web.login.used")));
        }
        sessions.open(ctx, session.get());
        Optional<WebLogins.Session> opened = logins.session(session.get());
        // only a round's reviewer gets a link without being staff (the link of /review): said so in the audit log
        boolean staff = opened.map(sessions::isStaff).orElse(true);
        auditLog.record(opened.map(WebLogins.Session::telegramUserId),
                staff ? "dashboard.login" : "dashboard.login.reviewer", "", "");
        String lang = Optional.ofNullable(ctx.formParam("lang")).flatMap(Language::fromCode)
                .map(l -> "?lang=" + l.code()).orElse("");
        ctx.redirect(landing(ctx.formParam("next")).orElse("/dashboard") + lang, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * Where a login link may lead after logging in: one of the pages features add to the dashboard (e.g. the rounds
     * page, where a reviewer's link goes), never anywhere else, so a link cannot send the browser to another site.
     * The page itself decides whom it opens for.
     */
    private Optional<String> landing(String next) {
        return Optional.ofNullable(next).filter(n -> staffPages.get().stream().anyMatch(p -> p.path().equals(n)));
    }

    /** Logging out: anyone's session (a reviewer's too, whose rounds page has the button), with its token. */
    private void logout(Context ctx) {
        Words w = words(ctx, messages);
        Optional<WebLogins.Session> session = sessions.anyone(ctx);
        if (!Pages.isSameOrigin(ctx) || session.isEmpty() || !session.get().csrf().equals(ctx.formParam("csrf"))) {
            throw Refusal.Forbidden.page(MessageView.page(w, w.t("web.forbidden")));
        }
        sessions.close(ctx);
        Pages.send(ctx, 200, MessageView.page(w, w.t("web.logout.done")));
    }

    private void dashboard(Context ctx) {
        Words w = words(ctx, messages);
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            throw Refusal.Unauthorized.page(MessageView.page(w, w.t("web.login.needed")));
        }
        Optional<Integer> weeks = weeks(ctx);
        if (weeks.isEmpty()) {
            throw Refusal.BadRequest.page(MessageView.page(w, w.t("web.dash.period.bad")));
        }
        Pages.send(ctx, 200, Templates.render("dashboard/dashboard.jte", view(w, session.get(), weeks.get())));
    }

    private DashboardView view(Words w, WebLogins.Session session, int weeks) {
        // the request's language, looked up once in words(ctx), words every date of the page (Texts' dates)
        String asAt = w.texts().date(LocalDate.now(clock.withZone(zone)));
        return new DashboardView(w, session.csrf(), weeks, DashboardSections.PERIODS, asAt, sections.all(w, weeks),
                staffPages.get());
    }

    /** One chart's data table as CSV: the labels' column, then a column per series (plain numbers). */
    private void csv(Context ctx) {
        Words w = words(ctx, messages);
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            throw Refusal.Unauthorized.text(w.t("web.login.needed"));
        }
        Optional<Integer> weeks = weeks(ctx);
        Optional<ChartData> chart = weeks.flatMap(n -> view(w, session.get(), n).chart(ctx.pathParam("chart")));
        if (weeks.isEmpty()) {
            throw Refusal.BadRequest.text(w.t("web.dash.period.bad"));
        }
        if (chart.isEmpty()) {
            throw Refusal.NotFound.text(w.t("web.dash.csv.unknown"));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of(chart.get().labelHeading()));
            chart.get().series().forEach(s -> header.add(s.name()));
            printer.printRecord(header);
            for (ChartData.Row row : chart.get().rows()) {
                List<String> record = new ArrayList<>(List.of(AuditPages.cell(row.label())));
                row.values().forEach(v -> record.add(ChartData.shown(v)));
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + chart.get().id() + "-" + weeks.get()
                        + "-weeks.csv\"").result(out.toString());
    }

    /** The period asked for: 4, 12 or 52 weeks; 12 when not given; empty for anything else. */
    private static Optional<Integer> weeks(Context ctx) {
        String asked = ctx.queryParam("weeks");
        if (asked == null || asked.isBlank()) {
            return Optional.of(DashboardSections.DEFAULT_WEEKS);
        }
        return DashboardSections.PERIODS.stream().filter(p -> String.valueOf(p).equals(asked.trim())).findFirst();
    }
}
