package org.ccin.bot.labs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.config.BotConfig;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.Score;

/**
 * The dashboard's rounds page: every round with its budget left and submissions (scores averaged), one
 * application in full, and its PDF. Staff only, through the dashboard's own login: the same session cookie, read
 * through the store's {@link WebLogins}, and staff in the configuration now.
 */
final class LabPages implements WebRoutes {
    /** The dashboard's session cookie (see the dashboard's StaffSessions). */
    private static final String COOKIE = "ccin_session";

    private final LabRecords records;
    private final WebLogins logins;
    private final BotConfig config;
    private final Messages messages;
    private final ApplicationText text;
    private final Exports exports;
    private final RoundWords words;

    LabPages(LabRecords records, WebLogins logins, BotConfig config, Messages messages, ApplicationText text,
             Exports exports, RoundWords words) {
        this.records = records;
        this.logins = logins;
        this.config = config;
        this.messages = messages;
        this.text = text;
        this.exports = exports;
        this.words = words;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/labs", this::list);
        routes.get("/dashboard/labs/application/{id}", this::application);
        routes.get("/dashboard/labs/application/{id}/pdf", this::pdf);
    }

    private boolean staff(Context ctx) {
        return logins.session(ctx.cookie(COOKIE)).filter(s -> config.isStaff(s.telegramUserId())).isPresent();
    }

    private boolean refused(Context ctx, Texts texts) {
        if (staff(ctx)) {
            return false;
        }
        Pages.secure(ctx);
        ctx.status(401).contentType("text/plain; charset=utf-8").result(texts.plain("web.login.needed"));
        return true;
    }

    private void list(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (refused(ctx, texts)) {
            return;
        }
        List<LabsView.RoundRow> rows = new ArrayList<>();
        for (Round round : records.rounds().all()) {
            List<LabsView.SubmissionRow> submissions = new ArrayList<>();
            for (Application application : records.applications().submittedTo(round.id())) {
                String href = "/dashboard/labs/application/" + application.id() + "?lang=" + texts.language().code();
                submissions.add(new LabsView.SubmissionRow(String.valueOf(application.id()),
                        text.organisation(application), texts.plain("labs.status." + application.status())
                        + application.awarded().map(a -> " " + Amounts.format(a)).orElse(""),
                        application.answer(Question.AMOUNT).map(a -> Amounts.format(Long.parseLong(a))).orElse("—"),
                        average(records.applications().scores(application.id())), href,
                        "/dashboard/labs/application/" + application.id() + "/pdf?lang=" + texts.language().code()));
            }
            rows.add(new LabsView.RoundRow(words.name(texts, round), Amounts.format(round.budget()),
                    Amounts.format(records.rounds().budgetLeft(round.id())), Amounts.format(round.maxAward()),
                    words.when(texts, round.closesAt()), submissions,
                    records.applications().draftsOf(round.id()).size()));
        }
        Pages.send(ctx, 200, Templates.render("labs/labs.jte", new LabsView(new Words(texts), rows,
                new LabsView.Detail("", List.of(), List.of(), ""))));
    }

    private static String average(List<Score> scores) {
        return scores.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f",
                scores.stream().mapToInt(Score::score).average().orElse(0));
    }

    /** The submitted application of the path; drafts are their authors' own and are not shown. */
    private Optional<Application> submitted(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        return records.applications().find(Long.parseLong(id))
                .filter(a -> a.status() != org.ccin.store.labs.ApplicationStatus.DRAFT);
    }

    private void application(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (refused(ctx, texts)) {
            return;
        }
        Optional<Application> application = submitted(ctx);
        if (application.isEmpty()) {
            Pages.secure(ctx);
            ctx.status(404).contentType("text/plain; charset=utf-8").result(texts.plain("labs.web.not.found"));
            return;
        }
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        LabsView.Detail detail = new LabsView.Detail(texts.plain("labs.export.title", "round", words.name(texts, round),
                "id", String.valueOf(application.get().id())), parts(text.heading(texts, round, application.get())),
                parts(text.answers(texts, round, application.get())), "/dashboard/labs/application/"
                + application.get().id() + "/pdf?lang=" + texts.language().code());
        Pages.send(ctx, 200, Templates.render("labs/labs.jte", new LabsView(new Words(texts), List.of(), detail)));
    }

    private static List<LabsView.Part> parts(List<ApplicationText.Section> sections) {
        return sections.stream().map(s -> new LabsView.Part(s.heading(), s.text())).toList();
    }

    private void pdf(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (refused(ctx, texts)) {
            return;
        }
        Optional<Application> application = submitted(ctx);
        if (application.isEmpty()) {
            Pages.secure(ctx);
            ctx.status(404).contentType("text/plain; charset=utf-8").result(texts.plain("labs.web.not.found"));
            return;
        }
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        Pages.secure(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + Exports.fileName(application.get()) + "\"");
        ctx.contentType("application/pdf").result(exports.pdf(texts, round, application.get()));
    }
}
