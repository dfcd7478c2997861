package org.ccin.bot.labs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.delivery.StaffNotices;
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
import org.ccin.store.labs.Round;
import org.ccin.store.labs.Submission;

/**
 * An applicant's draft, one question at a time: every message is added to the answer of the question on screen
 * (a long answer in several messages is joined whole), Next and Back move between questions, Preview shows it all,
 * Submit sends it in while the round is open. Deleting a draft is confirmed with a one-time id.
 */
final class ApplicationFlow implements ConversationFlow {
    static final String FLOW = "labs-apply";
    private static final String DELETE = "labs-delete";
    private static final Duration CONFIRM_LIFETIME = Duration.ofMinutes(15);
    private static final int SHOWN = 300;

    private final LabRecords records;
    private final FlowState<ApplyState> state;
    private final Confirmations confirmations;
    private final ApplicationText text;
    private final RoundWords words;
    private final StaffNotices staff;
    private final PartnerPicker partners;
    private final Clock clock;

    ApplicationFlow(LabRecords records, ConversationRepository conversations, Confirmations confirmations,
                    ApplicationText text, RoundWords words, StaffNotices staff, Clock clock) {
        this.records = records;
        this.state = new FlowState<>(conversations, FLOW, ApplyState.class);
        this.confirmations = confirmations;
        this.text = text;
        this.words = words;
        this.staff = staff;
        this.partners = new PartnerPicker(records, state, this);
        this.clock = clock;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    PartnerPicker partners() {
        return partners;
    }

    /** Opens a draft at its first unanswered question (the first when all are answered). */
    void start(Context context, Round round, Application draft) {
        List<String> questions = round.questions();
        int first = 0;
        while (first < questions.size() - 1 && draft.answer(questions.get(first)).isPresent()) {
            first++;
        }
        ask(context, round, draft, first);
    }

    private void ask(Context context, Round round, Application draft, int index) {
        state.save(context, "answer", new ApplyState(draft.id(), index, ""));
        Texts texts = context.texts();
        Question question = new Question(round.questions().get(index));
        StringBuilder screen = new StringBuilder(texts.get("labs.apply.question", "n", index + 1,
                "of", round.questions().size(), "round", words.name(texts, round)));
        screen.append("\n\n<b>").append(question.title(texts)).append("</b>");
        if (!question.hint(texts).isEmpty()) {
            screen.append("\n<i>").append(question.hint(texts)).append("</i>");
        }
        screen.append("\n\n").append(texts.get(switch (question.kind()) {
            case AMOUNT -> "labs.apply.how.amount";
            case PARTNERS -> "labs.apply.how.partners";
            default -> "labs.apply.how.words";
        }, "max", Amounts.format(round.maxAward())));
        draft.answer(question.code()).ifPresent(answer -> screen.append("\n\n").append(texts.get(
                "labs.apply.so.far", "length", answer.length(), "start", shown(question, answer))));
        context.reply().send(screen.toString(), keyboard(texts, draft.id(), index, round.questions().size()));
    }

    private static String shown(Question question, String answer) {
        if (question.kind() == Question.Kind.AMOUNT) {
            return Amounts.format(Long.parseLong(answer));
        }
        return answer.length() <= SHOWN ? answer : answer.substring(0, SHOWN) + "…";
    }

    /** The buttons under a question: Back, Next (or Check on the last), Clear, Preview. */
    static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup keyboard(
            Texts texts, long id, int index, int count) {
        Keyboard keyboard = Keyboard.create().row();
        if (index > 0) {
            keyboard.button(texts.plain("labs.button.back"), LabsButton.SET.data(new LabsButton.Back(id)));
        }
        keyboard.button(texts.plain(index + 1 < count ? "labs.button.next" : "labs.button.check"),
                LabsButton.SET.data(new LabsButton.Next(id)));
        return keyboard.row().button(texts.plain("labs.button.clear"), LabsButton.SET.data(new LabsButton.Clear(id, index)))
                .button(texts.plain("labs.button.preview"), LabsButton.SET.data(new LabsButton.Preview(id))).build();
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<ApplyState> current = state.read(conversation);
        Optional<Application> draft = current.flatMap(s -> ownDraft(context, s.applicationId()));
        if (draft.isEmpty()) {
            state.end(context);
            context.reply().send(texts.get("labs.apply.no.draft"));
            return;
        }
        Round round = records.rounds().find(draft.get().roundId()).orElseThrow();
        int index = Math.min(current.get().question(), round.questions().size() - 1);
        Optional<String> typed = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (typed.isEmpty()) {
            context.reply().send(texts.get("labs.apply.words.only"));
            return;
        }
        Question question = new Question(round.questions().get(index));
        switch (question.kind()) {
            case AMOUNT -> amount(context, round, draft.get(), index, typed.get());
            case PARTNERS -> partners.typed(context, round, draft.get(), index, typed.get());
            default -> {
                records.applications().appendAnswer(draft.get().id(), question.code(), typed.get());
                int length = records.applications().find(draft.get().id()).orElseThrow().answer(question.code())
                        .map(String::length).orElse(0);
                context.reply().send(texts.get("labs.apply.saved", "length", length),
                        keyboard(texts, draft.get().id(), index, round.questions().size()));
            }
        }
    }

    private void amount(Context context, Round round, Application draft, int index, String typed) {
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
        if (amount.get() > round.maxAward()) {
            context.reply().send(texts.get("labs.amount.over.max", "max", Amounts.format(round.maxAward()),
                    "amount", Amounts.format(amount.get())));
            return;
        }
        records.applications().setAnswer(draft.id(), Question.AMOUNT, String.valueOf(amount.get()));
        moveTo(context, round, index + 1);
    }

    // ------------------------------------------------------------------ buttons

    /** The tapper's own draft; empty (and told) when it is someone else's, gone or submitted. */
    private Optional<Application> ownDraft(Context context, long applicationId) {
        return records.applications().find(applicationId)
                .filter(a -> a.telegramUserId() == context.userId() && a.status() == ApplicationStatus.DRAFT);
    }

    Optional<Application> tapped(Context context, long applicationId) {
        Optional<Application> draft = ownDraft(context, applicationId);
        if (draft.isEmpty()) {
            context.reply().alert(context.texts().plain("labs.not.your.draft"));
        }
        return draft;
    }

    private int position(Context context, long applicationId) {
        return state.current(context).flatMap(state::read).filter(s -> s.applicationId() == applicationId)
                .map(ApplyState::question).orElse(0);
    }

    private void moveTo(Context context, Round round, int index) {
        ApplyState current = state.current(context).flatMap(state::read).orElseThrow();
        Application draft = records.applications().find(current.applicationId()).orElseThrow();
        if (index >= round.questions().size()) {
            preview(context, round, draft);
            return;
        }
        ask(context, round, draft, Math.max(0, index));
    }

    void next(Context context, LabsButton.Next button) {
        tapped(context, button.applicationId()).ifPresent(draft -> {
            context.reply().answer("");
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            int index = position(context, draft.id());
            state.save(context, "answer", new ApplyState(draft.id(), index, ""));
            moveTo(context, round, index + 1);
        });
    }

    void back(Context context, LabsButton.Back button) {
        tapped(context, button.applicationId()).ifPresent(draft -> {
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            ask(context, round, draft, Math.max(0, position(context, draft.id()) - 1));
        });
    }

    void edit(Context context, LabsButton.Edit button) {
        tapped(context, button.applicationId()).ifPresent(draft -> {
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            if (button.question() < 0 || button.question() >= round.questions().size()) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            ask(context, round, draft, button.question());
        });
    }

    void clear(Context context, LabsButton.Clear button) {
        tapped(context, button.applicationId()).ifPresent(draft -> {
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            int index = button.question();
            if (index < 0 || index >= round.questions().size()) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            records.applications().setAnswer(draft.id(), round.questions().get(index), "");
            context.reply().answer(context.texts().plain("labs.apply.cleared"));
            ask(context, round, records.applications().find(draft.id()).orElseThrow(), index);
        });
    }

    void preview(Context context, LabsButton.Preview button) {
        tapped(context, button.applicationId()).ifPresent(draft ->
                preview(context, records.rounds().find(draft.roundId()).orElseThrow(), draft));
    }

    private void preview(Context context, Round round, Application draft) {
        Texts texts = context.texts();
        List<String> messages = text.messages(texts, round, draft);
        for (String message : messages) {
            context.reply().send(message);
        }
        Keyboard keyboard = Keyboard.create().row()
                .button(texts.plain("labs.button.submit"), LabsButton.SET.data(new LabsButton.Submit(draft.id())));
        keyboard.row();
        for (int i = 0; i < round.questions().size(); i++) {
            if (i > 0 && i % 5 == 0) {
                keyboard.row();
            }
            keyboard.button(texts.plain("labs.button.edit", "n", i + 1),
                    LabsButton.SET.data(new LabsButton.Edit(draft.id(), i)));
        }
        keyboard.row().button(texts.plain("labs.button.export"), LabsButton.SET.data(new LabsButton.Export(draft.id())))
                .button(texts.plain("labs.button.delete"), LabsButton.SET.data(new LabsButton.DeleteDraft(draft.id())));
        context.reply().send(texts.get("labs.preview.then", "closes", words.when(texts, round.closesAt())),
                keyboard.build());
    }

    void submit(Context context, LabsButton.Submit button) {
        Texts texts = context.texts();
        Optional<Application> draft = records.applications().find(button.applicationId())
                .filter(a -> a.telegramUserId() == context.userId());
        if (draft.isEmpty()) {
            context.reply().alert(texts.plain("labs.not.your.draft"));
            return;
        }
        Round round = records.rounds().find(draft.get().roundId()).orElseThrow();
        List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < round.questions().size(); i++) {
            if (draft.get().answer(round.questions().get(i)).isEmpty()) {
                missing.add(String.valueOf(i + 1));
            }
        }
        // a closed round is said first: answering the missing questions would not help
        if (draft.get().status() == ApplicationStatus.DRAFT && !round.isOpen(clock.instant())) {
            context.reply().send(texts.get("labs.submit.closed", "round", words.name(texts, round),
                    "closed", words.when(texts, round.closesAt())));
            return;
        }
        if (draft.get().status() == ApplicationStatus.DRAFT && !missing.isEmpty()) {
            context.reply().send(texts.get("labs.submit.missing", "questions", String.join(", ", missing)));
            return;
        }
        Submission outcome = records.applications().submit(draft.get().id());
        switch (outcome) {
            case SUBMITTED -> {
                state.end(context);
                context.reply().send(texts.get("labs.submit.done", "round", words.name(texts, round)));
                Application in = draft.get();
                staff.tell("labs-submitted:" + in.id(), in.id(), staffTexts -> staffTexts.get("labs.staff.submitted",
                        "id", String.valueOf(in.id()), "round", words.name(staffTexts, round),
                        "organisation", text.organisation(in)));
            }
            case ROUND_CLOSED -> context.reply().send(texts.get("labs.submit.closed", "round", words.name(texts, round),
                    "closed", words.when(texts, round.closesAt())));
            case NOT_A_DRAFT -> context.reply().send(texts.get("labs.submit.already"));
        }
    }

    void delete(Context context, LabsButton.DeleteDraft button) {
        tapped(context, button.applicationId()).ifPresent(draft -> {
            Texts texts = context.texts();
            String request = confirmations.issue(context.userId(), DELETE + ":" + draft.id(), CONFIRM_LIFETIME);
            context.reply().send(texts.get("labs.delete.ask", "minutes", CONFIRM_LIFETIME.toMinutes()),
                    Keyboard.create().button(texts.plain("labs.delete.yes"),
                            LabsButton.SET.data(new LabsButton.ConfirmDelete(draft.id(), request))).build());
        });
    }

    void confirmDelete(Context context, LabsButton.ConfirmDelete button) {
        Texts texts = context.texts();
        if (!confirmations.use(button.request(), context.userId(), DELETE + ":" + button.applicationId())
                || ownDraft(context, button.applicationId()).isEmpty()) {
            context.reply().alert(texts.plain("labs.stale"));
            return;
        }
        records.applications().deleteDraft(button.applicationId());
        state.end(context);
        context.reply().show(texts.get("labs.delete.done"), null);
    }

}
