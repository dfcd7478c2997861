package org.ccin.bot.labs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.Decision;
import org.ccin.store.labs.Round;

/**
 * Staff's decisions from a submission's card (the buttons are staff-only before they get here): Fund asks the
 * amount, checks it against the maximum and the budget left, and is confirmed with a one-time id bound to that
 * application and amount; Not funded asks the reason and shows it as the applicant will read it, to be confirmed the
 * same way (or changed, or cancelled) before anything is decided or sent; Publish puts a funded project's final
 * report in the library.
 */
final class DecisionFlow implements ConversationFlow {
    static final String FLOW = "labs-decide";
    private static final String FUND = "labs-fund";
    private static final String DECLINE = "labs-decline";
    /** The longest reason for not funding: it goes whole into one message to the applicant. */
    static final int REASON_MAX = 1000;
    private static final Duration CONFIRM_LIFETIME = Duration.ofMinutes(15);

    private final LabRecords records;
    private final Rights rights;
    private final ReviewDesk desk;
    private final FlowState<DecisionState> state;
    private final Confirmations confirmations;
    private final Decisions decisions;

    DecisionFlow(LabRecords records, Rights rights, ReviewDesk desk, ConversationRepository conversations,
                 Confirmations confirmations, Decisions decisions) {
        this.records = records;
        this.rights = rights;
        this.desk = desk;
        this.state = new FlowState<>(conversations, FLOW, DecisionState.class);
        this.confirmations = confirmations;
        this.decisions = decisions;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    private Optional<Application> reviewable(Context context, long applicationId) {
        return desk.reviewable(context, applicationId);
    }

    void fund(Context context, LabsButton.Fund button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            Round round = records.rounds().find(application.roundId()).orElseThrow();
            state.save(context, "fund", new DecisionState(application.id()));
            context.reply().send(context.texts().get("labs.fund.ask", "id", String.valueOf(application.id()),
                    "asked", application.answer(Question.AMOUNT).map(a -> Amounts.format(Long.parseLong(a)))
                            .orElse("—"), "max", Amounts.format(round.maxAward()),
                    "left", Amounts.format(records.rounds().budgetLeft(round.id()))));
        });
    }

    void decline(Context context, LabsButton.Decline button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            askReason(context, application);
        });
    }

    private void askReason(Context context, Application application) {
        state.save(context, "decline", new DecisionState(application.id()));
        context.reply().send(context.texts().get("labs.decline.ask", "id", String.valueOf(application.id()),
                "max", REASON_MAX));
    }

    /**
     * The typed reason shown as the applicant will read it (their language), with Yes, Change and Cancel: nothing is
     * decided or sent before Yes, whose one-time id is bound to this application and this very reason.
     */
    private void showDecline(Context context, Application application, Round round, String reason) {
        Texts texts = context.texts();
        if (reason.length() > REASON_MAX) {
            context.reply().send(texts.get("labs.decline.long", "max", REASON_MAX, "length", reason.length()));
            return;
        }
        state.save(context, "decline-confirm", new DecisionState(application.id(), reason));
        String request = confirmations.issue(context.userId(), declinePurpose(application.id(), reason),
                CONFIRM_LIFETIME);
        context.reply().send(texts.get("labs.decline.confirm", "id", String.valueOf(application.id()),
                "message", Html.trusted(decisions.declinedMessage(application, round, reason)),
                "minutes", CONFIRM_LIFETIME.toMinutes()), Keyboard.create()
                .button(texts.plain("labs.decline.yes"), LabsButton.SET.data(new LabsButton.ConfirmDecline(
                        application.id(), request)))
                .row().button(texts.plain("labs.decline.change"), LabsButton.SET.data(
                        new LabsButton.ChangeReason(application.id())))
                .button(texts.plain("labs.decline.cancel"), LabsButton.SET.data(
                        new LabsButton.CancelDecline(application.id()))).build());
    }

    /** What a confirmation of not funding is for: the application and a fingerprint of the reason shown. */
    private static String declinePurpose(long applicationId, String reason) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reason.getBytes(StandardCharsets.UTF_8));
            return DECLINE + ":" + applicationId + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The reason staff saw in the preview of this application, while that preview is the step they are at. */
    private Optional<String> shownReason(Context context, long applicationId) {
        return state.current(context).filter(c -> c.step().equals("decline-confirm")).flatMap(state::read)
                .filter(s -> s.applicationId() == applicationId && !s.reason().isEmpty())
                .map(DecisionState::reason);
    }

    void confirmDecline(Context context, LabsButton.ConfirmDecline button) {
        Texts texts = context.texts();
        Optional<String> reason = shownReason(context, button.applicationId());
        if (reason.isEmpty() || !confirmations.use(button.request(), context.userId(),
                declinePurpose(button.applicationId(), reason.get()))) {
            context.reply().alert(texts.plain("labs.stale"));
            return;
        }
        Optional<Application> application = reviewable(context, button.applicationId());
        if (application.isEmpty()) {
            return;
        }
        state.end(context);
        context.reply().answer("");
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        Decision decision = decisions.decline(application.get(), round, reason.get(), context.userId());
        context.reply().send(refusalOr(texts, decision, round, 0, texts.get("labs.decline.done",
                "id", String.valueOf(application.get().id()))));
    }

    void changeReason(Context context, LabsButton.ChangeReason button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            askReason(context, application);
        });
    }

    void cancelDecline(Context context, LabsButton.CancelDecline button) {
        // whatever the step, this application's decision stops here; another one's is left alone
        state.current(context).flatMap(state::read).filter(s -> s.applicationId() == button.applicationId())
                .ifPresent(s -> state.end(context));
        context.reply().answer("");
        context.reply().send(context.texts().get("labs.decline.cancelled", "id",
                String.valueOf(button.applicationId())));
    }

    void confirmFund(Context context, LabsButton.ConfirmFund button) {
        Texts texts = context.texts();
        if (!confirmations.use(button.request(), context.userId(),
                FUND + ":" + button.applicationId() + ":" + button.amount())) {
            context.reply().alert(texts.plain("labs.stale"));
            return;
        }
        Optional<Application> application = reviewable(context, button.applicationId());
        if (application.isEmpty()) {
            return;
        }
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        Decision decision = decisions.fund(application.get(), round, button.amount(), context.userId());
        context.reply().answer("");
        // with no current plan there is no action yet: staff are told so, and how it gets made
        boolean action = records.applications().find(application.get().id()).flatMap(Application::actionId)
                .isPresent();
        context.reply().send(refusalOr(texts, decision, round, button.amount(), texts.get(action ? "labs.fund.done"
                : "labs.fund.done.no.plan", "id", String.valueOf(application.get().id()),
                "amount", Amounts.format(button.amount()),
                "left", Amounts.format(records.rounds().budgetLeft(round.id())),
                "code", Decisions.actionCode(application.get()))));
    }

    void publish(Context context, LabsButton.Publish button) {
        Texts texts = context.texts();
        Optional<Application> application = reviewable(context, button.applicationId());
        if (application.isEmpty()) {
            return;
        }
        context.reply().answer("");
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        if (application.get().status() != ApplicationStatus.FUNDED || application.get().caseStudyId().isPresent()) {
            context.reply().send(texts.get("labs.publish.not.now"));
            return;
        }
        Optional<Long> study = decisions.publish(application.get(), round, context.userId());
        context.reply().send(study.isPresent() ? texts.get("labs.publish.done", "title",
                decisions.title(application.get(), round)) : texts.get("labs.publish.no.report",
                "code", Decisions.actionCode(application.get()),
                "due", texts.date(decisions.reportDue(application.get(), round, 2))));
    }

    private String refusalOr(Texts texts, Decision decision, Round round, long amount, String done) {
        return switch (decision) {
            case DECIDED -> done;
            case NOT_SUBMITTED -> texts.get("labs.decide.not.submitted");
            case NOT_POSITIVE -> texts.get("labs.amount.not.a.sum", "max", Amounts.format(round.maxAward()));
            case OVER_MAXIMUM -> texts.get("labs.fund.over.max", "max", Amounts.format(round.maxAward()),
                    "amount", Amounts.format(amount));
            case OVER_BUDGET -> texts.get("labs.fund.over.budget", "left",
                    Amounts.format(records.rounds().budgetLeft(round.id())), "amount", Amounts.format(amount));
        };
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<DecisionState> current = state.read(conversation);
        Optional<String> typed = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (current.isEmpty() || typed.isEmpty()) {
            context.reply().send(texts.get("labs.setup.words"));
            return;
        }
        Optional<Application> application = records.applications().find(current.get().applicationId());
        // rights are asked again: staff may have been taken off the list since the button was tapped
        if (application.isEmpty() || !rights.isStaff(context.userId())) {
            state.end(context);
            context.reply().send(texts.get("labs.review.not.yours"));
            return;
        }
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        if (conversation.step().equals("fund")) {
            askToConfirm(context, application.get(), round, typed.get());
            return;
        }
        if (application.get().status() != ApplicationStatus.SUBMITTED) {
            state.end(context);
            context.reply().send(texts.get("labs.decide.not.submitted"));
            return;
        }
        // at the reason or at its preview: what is typed is the reason (again), shown before it is sent
        showDecline(context, application.get(), round, typed.get());
    }

    private void askToConfirm(Context context, Application application, Round round, String typed) {
        Texts texts = context.texts();
        Optional<Long> amount = Amounts.parse(typed);
        if (Amounts.tooLarge(typed)) {
            context.reply().send(texts.get("labs.amount.too.large", "limit", Amounts.limit(),
                    "max", Amounts.format(round.maxAward())));
            return;
        }
        if (amount.isEmpty() || amount.get() <= 0) {
            context.reply().send(texts.get("labs.amount.not.a.sum", "max", Amounts.format(round.maxAward())));
            return;
        }
        long left = records.rounds().budgetLeft(round.id());
        if (amount.get() > round.maxAward()) {
            context.reply().send(texts.get("labs.fund.over.max", "max", Amounts.format(round.maxAward()),
                    "amount", Amounts.format(amount.get())));
            return;
        }
        if (amount.get() > left) {
            context.reply().send(texts.get("labs.fund.over.budget", "left", Amounts.format(left),
                    "amount", Amounts.format(amount.get())));
            return;
        }
        state.end(context);
        String request = confirmations.issue(context.userId(), FUND + ":" + application.id() + ":" + amount.get(),
                CONFIRM_LIFETIME);
        context.reply().send(texts.get("labs.fund.confirm", "id", String.valueOf(application.id()),
                "amount", Amounts.format(amount.get()), "left", Amounts.format(left - amount.get()),
                "minutes", CONFIRM_LIFETIME.toMinutes()), Keyboard.create().button(texts.plain("labs.fund.yes",
                "amount", Amounts.format(amount.get())), LabsButton.SET.data(new LabsButton.ConfirmFund(
                application.id(), amount.get(), request))).build());
    }
}
