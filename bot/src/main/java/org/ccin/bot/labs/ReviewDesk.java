package org.ccin.bot.labs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.Comment;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.Score;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.members.Member;

/**
 * /review: staff see every round, a reviewer the rounds staff named them for; a round shows its budget left and its
 * submissions; a submission its scores against the round's criteria, its comments, and (for staff) the decision.
 * The decisions themselves are {@link DecisionFlow}'s.
 */
final class ReviewDesk extends CommandAdapter implements ConversationFlow {
    static final String FLOW = "labs-review";
    static final int COMMENT_MAX = 2000;
    /** As long as the dashboard's own login link: works once, for ten minutes. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final LabRecords records;
    private final Rights rights;
    private final FlowState<ReviewState> state;
    private final ApplicationText text;
    private final RoundWords words;
    private final Supplier<String> publicUrl;
    private final WebLogins logins;

    ReviewDesk(LabRecords records, Rights rights, ConversationRepository conversations, ApplicationText text,
               RoundWords words, Supplier<String> publicUrl, WebLogins logins) {
        super("review", Role.REVIEWER);
        this.records = records;
        this.rights = rights;
        this.state = new FlowState<>(conversations, FLOW, ReviewState.class);
        this.text = text;
        this.words = words;
        this.publicUrl = publicUrl;
        this.logins = logins;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Round> rounds = rights.isStaff(context.userId()) ? records.rounds().all()
                : records.rounds().reviewedBy(context.userId());
        if (rounds.isEmpty()) {
            context.reply().send(texts.get(rights.isStaff(context.userId()) ? "labs.review.no.rounds"
                    : "labs.review.not.reviewer"));
            return;
        }
        Keyboard keyboard = Keyboard.create();
        for (Round round : rounds) {
            keyboard.row().button(texts.plain("labs.review.round.button", "round", words.name(texts, round),
                    "count", records.applications().submittedTo(round.id()).size()),
                    LabsButton.SET.data(new LabsButton.OpenReview(round.id())));
        }
        String choose = texts.get("labs.review.choose");
        if (rights.isStaff(context.userId())) {
            choose += "\n\n" + texts.get("labs.review.dashboard", "address", publicUrl.get() + "/dashboard/labs");
        } else {
            keyboard.row().button(texts.plain("labs.review.web.button"), LabsButton.SET.data(new LabsButton.WebLink()));
        }
        context.reply().send(choose, keyboard.build());
    }

    /**
     * A reviewer's one-time link to the rounds page: it logs their browser in to a session that opens only the rounds
     * they review (the page asks at each request, so naming them off a round closes it at once).
     */
    void webLink(Context context, LabsButton.WebLink button) {
        Texts texts = context.texts();
        if (!rights.isStaff(context.userId()) && records.rounds().reviewedBy(context.userId()).isEmpty()) {
            context.reply().alert(texts.plain("labs.review.not.reviewer"));
            return;
        }
        String token = logins.createToken(context.userId(), LINK_LIFETIME);
        context.reply().answer("");
        context.reply().send(texts.get("labs.review.web.link", "link", publicUrl.get() + "/dashboard/login?token="
                + token + "&next=" + LabPages.PATH + "&lang=" + texts.language().code(),
                "minutes", LINK_LIFETIME.toMinutes()));
    }

    // ------------------------------------------------------------------ review

    void openRound(Context context, LabsButton.OpenReview button) {
        Texts texts = context.texts();
        Optional<Round> round = records.rounds().find(button.roundId());
        if (round.isEmpty() || !rights.reviews(context.userId(), round.get().id())) {
            context.reply().alert(texts.plain("labs.review.not.yours"));
            return;
        }
        List<Application> submitted = records.applications().submittedTo(round.get().id());
        StringBuilder screen = new StringBuilder(texts.get("labs.review.round", "round", words.name(texts, round.get()),
                "budget", Amounts.format(round.get().budget()),
                "left", Amounts.format(records.rounds().budgetLeft(round.get().id())),
                "max", Amounts.format(round.get().maxAward()), "closes", words.when(texts, round.get().closesAt()),
                "count", submitted.size(), "drafts", records.applications().draftsOf(round.get().id()).size()));
        screen.append("\n").append(criteria(texts, round.get()));
        Keyboard keyboard = Keyboard.create();
        for (Application application : submitted) {
            keyboard.row().button(texts.plain("labs.review.application.button", "id", String.valueOf(application.id()),
                    "organisation", text.organisation(application),
                    "status", texts.plain("labs.status." + application.status())),
                    LabsButton.SET.data(new LabsButton.OpenSubmission(application.id())));
        }
        context.reply().answer("");
        context.reply().send(screen.toString(), keyboard.isEmpty() ? null : keyboard.build());
    }

    private String criteria(Texts texts, Round round) {
        if (round.criteria().isEmpty()) {
            return texts.get("labs.review.no.criteria", "id", String.valueOf(round.id()));
        }
        StringBuilder list = new StringBuilder(texts.get("labs.review.criteria"));
        for (int i = 0; i < round.criteria().size(); i++) {
            list.append("\n").append(i + 1).append(". ").append(Html.escape(round.criteria().get(i)));
        }
        return list.toString();
    }

    /** The submission the tapper may review, or empty (and told). */
    Optional<Application> reviewable(Context context, long applicationId) {
        Optional<Application> application = records.applications().find(applicationId)
                .filter(a -> a.status() != ApplicationStatus.DRAFT)
                .filter(a -> rights.reviews(context.userId(), a.roundId()));
        if (application.isEmpty()) {
            context.reply().alert(context.texts().plain("labs.review.not.yours"));
        }
        return application;
    }

    void openSubmission(Context context, LabsButton.OpenSubmission button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            showCard(context, application);
        });
    }

    private void showCard(Context context, Application application) {
        Texts texts = context.texts();
        Round round = records.rounds().find(application.roundId()).orElseThrow();
        List<Score> scores = records.applications().scores(application.id());
        StringBuilder card = new StringBuilder(texts.get("labs.card", "id", String.valueOf(application.id()),
                "round", words.name(texts, round), "organisation", text.organisation(application),
                "applicant", text.applicant(application),
                "asked", application.answer(Question.AMOUNT).map(a -> Amounts.format(Long.parseLong(a))).orElse("—"),
                "status", texts.plain("labs.status." + application.status()),
                "left", Amounts.format(records.rounds().budgetLeft(round.id())),
                "max", Amounts.format(round.maxAward())));
        application.awarded().ifPresent(a -> card.append("\n").append(texts.get("labs.card.awarded",
                "amount", Amounts.format(a))));
        application.reason().ifPresent(r -> card.append("\n").append(texts.get("labs.card.reason", "reason", r)));
        Map<Integer, List<Score>> byCriterion = scores.stream().collect(Collectors.groupingBy(Score::criterion));
        for (int i = 0; i < round.criteria().size(); i++) {
            List<Score> these = byCriterion.getOrDefault(i, List.of());
            String mine = these.stream().filter(s -> s.reviewerId() == context.userId()).findFirst()
                    .map(s -> String.valueOf(s.score())).orElse("—");
            card.append("\n").append(texts.get("labs.card.score", "n", i + 1, "criterion", round.criteria().get(i),
                    "average", these.isEmpty() ? "—" : String.format(java.util.Locale.ROOT, "%.1f",
                            these.stream().mapToInt(Score::score).average().orElse(0)),
                    "count", these.size(), "mine", mine));
        }
        for (Comment comment : records.applications().comments(application.id())) {
            String who = records.members().findByTelegramId(comment.reviewerId()).map(Member::firstName)
                    .orElse(texts.plain("labs.card.a.reviewer"));
            card.append("\n").append(texts.get("labs.card.comment", "who", who, "text", comment.text()));
        }
        Keyboard keyboard = Keyboard.create().row()
                .button(texts.plain("labs.button.read"), LabsButton.SET.data(new LabsButton.ReadInFull(application.id())))
                .button(texts.plain("labs.button.export"), LabsButton.SET.data(new LabsButton.Export(application.id())));
        // scoring is for applications waiting for a decision; a decided one shows its scores as they were
        for (int i = 0; application.status() == ApplicationStatus.SUBMITTED && i < round.criteria().size(); i++) {
            keyboard.row();
            for (int score = 1; score <= 5; score++) {
                keyboard.button(texts.plain("labs.button.rate", "n", i + 1, "score", score),
                        LabsButton.SET.data(new LabsButton.Rate(application.id(), i, score)));
            }
        }
        keyboard.row().button(texts.plain("labs.button.comment"),
                LabsButton.SET.data(new LabsButton.AddComment(application.id())));
        if (rights.isStaff(context.userId()) && application.status() == ApplicationStatus.SUBMITTED) {
            keyboard.row().button(texts.plain("labs.button.fund"), LabsButton.SET.data(new LabsButton.Fund(application.id())))
                    .button(texts.plain("labs.button.decline"),
                            LabsButton.SET.data(new LabsButton.Decline(application.id())));
        }
        if (rights.isStaff(context.userId()) && application.status() == ApplicationStatus.FUNDED
                && application.caseStudyId().isEmpty()) {
            keyboard.row().button(texts.plain("labs.button.publish"),
                    LabsButton.SET.data(new LabsButton.Publish(application.id())));
        }
        context.reply().send(card.toString(), keyboard.build());
    }

    void readInFull(Context context, LabsButton.ReadInFull button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            Round round = records.rounds().find(application.roundId()).orElseThrow();
            text.messages(context.texts(), round, application).forEach(context.reply()::send);
        });
    }

    void rate(Context context, LabsButton.Rate button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            Round round = records.rounds().find(application.roundId()).orElseThrow();
            if (button.criterion() < 0 || button.criterion() >= round.criteria().size() || button.score() < 1
                    || button.score() > 5) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            if (!records.applications().score(application.id(), context.userId(), button.criterion(),
                    button.score())) {
                // decided (perhaps since the card was shown): its scores stay as they were at the decision
                context.reply().alert(context.texts().plain("labs.score.decided", "id",
                        String.valueOf(application.id())));
                return;
            }
            context.reply().answer(context.texts().plain("labs.rated", "score", button.score()));
            showCard(context, application);
        });
    }

    void addComment(Context context, LabsButton.AddComment button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            state.save(context, "comment", new ReviewState(application.id()));
            context.reply().send(context.texts().get("labs.comment.ask", "id", String.valueOf(application.id())));
        });
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<ReviewState> current = state.read(conversation);
        Optional<String> typed = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (current.isEmpty() || typed.isEmpty()) {
            context.reply().send(texts.get("labs.setup.words"));
            return;
        }
        Optional<Application> application = records.applications().find(current.get().applicationId())
                .filter(a -> rights.reviews(context.userId(), a.roundId()));
        if (application.isEmpty()) {
            state.end(context);
            context.reply().send(texts.get("labs.review.not.yours"));
            return;
        }
        if (typed.get().length() > COMMENT_MAX) {
            context.reply().send(texts.get("labs.comment.long", "max", COMMENT_MAX));
            return;
        }
        records.applications().comment(application.get().id(), context.userId(), typed.get());
        state.end(context);
        context.reply().send(texts.get("labs.comment.saved"));
        showCard(context, application.get());
    }
}
