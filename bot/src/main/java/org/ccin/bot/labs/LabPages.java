package org.ccin.bot.labs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccin.bot.dashboard.StaffSessions;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.Comment;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.Score;
import org.ccin.store.members.Member;

/**
 * The dashboard's rounds page: the rounds with their budget left and submissions (scores averaged), one application in
 * full with its scores and comments, its PDF, and forms to score and comment. Staff see every round; a reviewer who
 * logged in with the link of /review sees only the rounds they review now (asked at each request, so naming them off
 * a round closes it at once). Anything else of theirs answers 404, as an unknown application does. The session is the
 * dashboard's ({@link StaffSessions#anyone}); a reviewer's opens none of the staff pages, which ask
 * {@link StaffSessions#of}. Forms are refused from another site's page and without the session's token.
 */
final class LabPages implements WebRoutes {
    static final String PATH = "/dashboard/labs";

    private final LabRecords records;
    private final Rights rights;
    private final StaffSessions sessions;
    private final Messages messages;
    private final ApplicationText text;
    private final Exports exports;
    private final RoundWords words;

    LabPages(LabRecords records, Rights rights, StaffSessions sessions, Messages messages, ApplicationText text,
             Exports exports, RoundWords words) {
        this.records = records;
        this.rights = rights;
        this.sessions = sessions;
        this.messages = messages;
        this.text = text;
        this.exports = exports;
        this.words = words;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/application/{id}", this::application);
        routes.get(PATH + "/application/{id}/pdf", this::pdf);
        routes.post(PATH + "/application/{id}/score", this::score);
        routes.post(PATH + "/application/{id}/comment", this::comment);
    }

    /** Who is looking: their session, and whether they are staff now. */
    private record Viewer(WebLogins.Session session, boolean staff, Texts texts) {
        long userId() {
            return session.telegramUserId();
        }
    }

    /**
     * The person of the request: staff, or a reviewer of at least one round now; 401 without a session, 403 for a
     * session whose person reviews nothing (any more).
     */
    private Viewer viewer(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        WebLogins.Session session = sessions.anyone(ctx)
                .orElseThrow(() -> Refusal.Unauthorized.text(texts.plain("labs.web.login.needed")));
        boolean staff = sessions.isStaff(session);
        if (!staff && !records.rounds().isAnyReviewer(session.telegramUserId())) {
            throw Refusal.Forbidden.text(texts.plain("labs.web.not.reviewer"));
        }
        return new Viewer(session, staff, texts);
    }

    /** A form's viewer: also from this server's page, carrying the session's token. */
    private Viewer formViewer(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!Pages.isSameOrigin(ctx) || !viewer.session().csrf().equals(ctx.formParam("csrf"))) {
            throw Refusal.Forbidden.text(viewer.texts().plain("web.forbidden"));
        }
        return viewer;
    }

    private List<Round> roundsOf(Viewer viewer) {
        return viewer.staff() ? records.rounds().all() : records.rounds().reviewedBy(viewer.userId());
    }

    private String lang(Viewer viewer) {
        return "?lang=" + viewer.texts().language().code();
    }

    private void list(Context ctx) {
        Viewer viewer = viewer(ctx);
        Texts texts = viewer.texts();
        List<LabsView.RoundRow> rows = new ArrayList<>();
        for (Round round : roundsOf(viewer)) {
            List<LabsView.SubmissionRow> submissions = new ArrayList<>();
            for (Application application : records.applications().submittedTo(round.id())) {
                String href = PATH + "/application/" + application.id() + lang(viewer);
                submissions.add(new LabsView.SubmissionRow(String.valueOf(application.id()),
                        text.organisation(application), texts.plain("labs.status." + application.status())
                        + application.awarded().map(a -> " " + Amounts.format(a)).orElse(""),
                        application.answer(Question.AMOUNT).map(a -> Amounts.format(Long.parseLong(a))).orElse("—"),
                        average(records.applications().scores(application.id())), href,
                        PATH + "/application/" + application.id() + "/pdf" + lang(viewer)));
            }
            rows.add(new LabsView.RoundRow(words.name(texts, round), Amounts.format(round.budget()),
                    Amounts.format(records.rounds().budgetLeft(round.id())), Amounts.format(round.maxAward()),
                    words.when(texts, round.closesAt()), submissions,
                    records.applications().draftsOf(round.id()).size()));
        }
        Pages.send(ctx, 200, Templates.render("labs/labs.jte", new LabsView(new Words(texts), viewer.staff(),
                viewer.session().csrf(), rows, LabsView.Detail.NONE)));
    }

    private static String average(List<Score> scores) {
        return scores.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f",
                scores.stream().mapToInt(Score::score).average().orElse(0));
    }

    /**
     * The submitted application of the path if the viewer reviews its round, or 404: drafts are their authors' own,
     * and another round's application is not the reviewer's to know of.
     */
    private Application reviewable(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("id");
        return Optional.of(id).filter(i -> i.matches("\\d{1,12}"))
                .flatMap(i -> records.applications().find(Long.parseLong(i)))
                .filter(a -> a.status() != ApplicationStatus.DRAFT)
                .filter(a -> rights.reviews(viewer.userId(), a.roundId()))
                .orElseThrow(() -> Refusal.NotFound.text(viewer.texts().plain("labs.web.not.found")));
    }

    private void application(Context ctx) {
        Viewer viewer = viewer(ctx);
        Texts texts = viewer.texts();
        Application application = reviewable(ctx, viewer);
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        String base = PATH + "/application/" + application.id();
        LabsView.Detail detail = new LabsView.Detail(texts.plain("labs.export.title", "round", words.name(texts, round),
                "id", String.valueOf(application.id())), parts(text.heading(texts, round, application)),
                parts(text.answers(texts, round, application)), base + "/pdf" + lang(viewer),
                criteria(viewer, round, application), comments(texts, application),
                base + "/score" + lang(viewer), base + "/comment" + lang(viewer), ReviewDesk.COMMENT_MAX);
        Pages.send(ctx, 200, Templates.render("labs/labs.jte", new LabsView(new Words(texts), viewer.staff(),
                viewer.session().csrf(), List.of(), detail)));
    }

    private List<LabsView.CriterionRow> criteria(Viewer viewer, Round round, Application application) {
        Map<Integer, List<Score>> byCriterion = records.applications().scores(application.id()).stream()
                .collect(Collectors.groupingBy(Score::criterion));
        List<LabsView.CriterionRow> rows = new ArrayList<>();
        for (int i = 0; i < round.criteria().size(); i++) {
            List<Score> these = byCriterion.getOrDefault(i, List.of());
            String mine = these.stream().filter(s -> s.reviewerId() == viewer.userId()).findFirst()
                    .map(s -> String.valueOf(s.score())).orElse("—");
            rows.add(new LabsView.CriterionRow(i, round.criteria().get(i), average(these), these.size(), mine));
        }
        return rows;
    }

    private List<LabsView.Part> comments(Texts texts, Application application) {
        List<LabsView.Part> shown = new ArrayList<>();
        for (Comment comment : records.applications().comments(application.id())) {
            shown.add(new LabsView.Part(records.members().findByTelegramId(comment.reviewerId())
                    .map(Member::firstName).orElse(texts.plain("labs.card.a.reviewer")), comment.text()));
        }
        return shown;
    }

    private static List<LabsView.Part> parts(List<ApplicationText.Section> sections) {
        return sections.stream().map(s -> new LabsView.Part(s.heading(), s.text())).toList();
    }

    private void pdf(Context ctx) {
        Viewer viewer = viewer(ctx);
        Application application = reviewable(ctx, viewer);
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        ctx.header("Content-Disposition", "attachment; filename=\"" + Exports.fileName(application) + "\"");
        ctx.contentType("application/pdf").result(exports.pdf(viewer.texts(), round, application));
    }

    /** A score of 1 to 5 against one of the round's criteria, replacing the viewer's earlier one. */
    private void score(Context ctx) {
        Viewer viewer = formViewer(ctx);
        Application application = reviewable(ctx, viewer);
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        Optional<Integer> criterion = number(ctx.formParam("criterion")).filter(c -> c < round.criteria().size());
        Optional<Integer> score = number(ctx.formParam("score")).filter(s -> s >= 1 && s <= 5);
        if (criterion.isEmpty() || score.isEmpty()) {
            throw Refusal.BadRequest.text(viewer.texts().plain("labs.web.score.bad"));
        }
        if (!records.applications().score(application.id(), viewer.userId(), criterion.get(), score.get())) {
            throw Refusal.BadRequest.text(viewer.texts().plain("labs.web.score.decided"));
        }
        ctx.redirect(PATH + "/application/" + application.id() + lang(viewer) + "#scores", HttpStatus.SEE_OTHER);
    }

    /** A comment on the application, kept whole up to the chat's limit. */
    private void comment(Context ctx) {
        Viewer viewer = formViewer(ctx);
        Application application = reviewable(ctx, viewer);
        String typed = Optional.ofNullable(ctx.formParam("text")).map(String::strip).orElse("");
        if (typed.isEmpty()) {
            throw Refusal.BadRequest.text(viewer.texts().plain("labs.web.comment.empty"));
        }
        if (typed.length() > ReviewDesk.COMMENT_MAX) {
            throw Refusal.BadRequest.text(viewer.texts().plain("labs.web.comment.long", "max",
                    ReviewDesk.COMMENT_MAX));
        }
        records.applications().comment(application.id(), viewer.userId(), typed);
        ctx.redirect(PATH + "/application/" + application.id() + lang(viewer) + "#comments", HttpStatus.SEE_OTHER);
    }

    private static Optional<Integer> number(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> v.matches("\\d{1,2}")).map(Integer::parseInt);
    }
}
