package org.ccin.bot.labs;

import java.time.Duration;
import java.util.Optional;
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
 * application and amount; Not funded asks the reason; Publish puts a funded project's final report in the library.
 */
final class DecisionFlow implements ConversationFlow {
    static final String FLOW = "labs-decide";
    private static final String FUND = "labs-fund";
    private static final Duration CONFIRM_LIFETIME = Duration.ofMinutes(15);

    private final LabRecords records;
    private final Rights rights;
    private final ReviewDesk desk;
    private final FlowState<ReviewState> state;
    private final Confirmations confirmations;
    private final Decisions decisions;

    DecisionFlow(LabRecords records, Rights rights, ReviewDesk desk, ConversationRepository conversations,
                 Confirmations confirmations, Decisions decisions) {
        this.records = records;
        this.rights = rights;
        this.desk = desk;
        this.state = new FlowState<>(conversations, FLOW, ReviewState.class);
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
            state.save(context, "fund", new ReviewState(application.id()));
            context.reply().send(context.texts().get("labs.fund.ask", "id", String.valueOf(application.id()),
                    "asked", application.answer(Question.AMOUNT).map(a -> Amounts.format(Long.parseLong(a)))
                            .orElse("—"), "max", Amounts.format(round.maxAward()),
                    "left", Amounts.format(records.rounds().budgetLeft(round.id()))));
        });
    }

    void decline(Context context, LabsButton.Decline button) {
        reviewable(context, button.applicationId()).ifPresent(application -> {
            context.reply().answer("");
            state.save(context, "decline", new ReviewState(application.id()));
            context.reply().send(context.texts().get("labs.decline.ask", "id", String.valueOf(application.id())));
        });
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
        context.reply().send(refusalOr(texts, decision, round, button.amount(), texts.get("labs.fund.done",
                "id", String.valueOf(application.get().id()), "amount", Amounts.format(button.amount()),
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
                "code", Decisions.actionCode(application.get())));
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
        Optional<ReviewState> current = state.read(conversation);
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
        state.end(context);
        Decision decision = decisions.decline(application.get(), round, typed.get(), context.userId());
        context.reply().send(refusalOr(texts, decision, round, 0, texts.get("labs.decline.done",
                "id", String.valueOf(application.get().id()))));
    }

    private void askToConfirm(Context context, Application application, Round round, String typed) {
        Texts texts = context.texts();
        Optional<Long> amount = Amounts.parse(typed);
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
