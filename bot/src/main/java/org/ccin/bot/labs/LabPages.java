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
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.bot.dashboard.StaffSessions;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.Score;

/**
 * The dashboard's rounds page: every round with its budget left and submissions (scores averaged), one
 * application in full, and its PDF. Staff only, through the dashboard's own login ({@link StaffSessions}).
 */
final class LabPages implements WebRoutes {
    private final LabRecords records;
    private final StaffSessions sessions;
    private final Messages messages;
    private final ApplicationText text;
    private final Exports exports;
    private final RoundWords words;

    LabPages(LabRecords records, StaffSessions sessions, Messages messages, ApplicationText text, Exports exports,
             RoundWords words) {
        this.records = records;
        this.sessions = sessions;
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

    /** The language of the page, once the request is known to be staff's. */
    private Texts staffOnly(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (sessions.of(ctx).isEmpty()) {
            throw Refusal.Unauthorized.text(texts.plain("web.login.needed"));
        }
        return texts;
    }

    /** The submitted application of the path, or 404. */
    private Application submittedOrRefused(Context ctx, Texts texts) {
        return submitted(ctx).orElseThrow(() -> Refusal.NotFound.text(texts.plain("labs.web.not.found")));
    }

    private void list(Context ctx) {
        Texts texts = staffOnly(ctx);
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
        Texts texts = staffOnly(ctx);
        Application application = submittedOrRefused(ctx, texts);
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        LabsView.Detail detail = new LabsView.Detail(texts.plain("labs.export.title", "round", words.name(texts, round),
                "id", String.valueOf(application.id())), parts(text.heading(texts, round, application)),
                parts(text.answers(texts, round, application)), "/dashboard/labs/application/"
                + application.id() + "/pdf?lang=" + texts.language().code());
        Pages.send(ctx, 200, Templates.render("labs/labs.jte", new LabsView(new Words(texts), List.of(), detail)));
    }

    private static List<LabsView.Part> parts(List<ApplicationText.Section> sections) {
        return sections.stream().map(s -> new LabsView.Part(s.heading(), s.text())).toList();
    }

    private void pdf(Context ctx) {
        Texts texts = staffOnly(ctx);
        Application application = submittedOrRefused(ctx, texts);
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        ctx.header("Content-Disposition", "attachment; filename=\"" + Exports.fileName(application) + "\"");
        ctx.contentType("application/pdf").result(exports.pdf(texts, round, application));
    }
}
