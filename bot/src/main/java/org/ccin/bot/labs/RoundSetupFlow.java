package org.ccin.bot.labs;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;

/**
 * /newround (staff): kind, budget, maximum per project, opening and closing times in the network's zone, and the
 * questions (the standard ones, with any of staff's own), then a summary to open and announce. Each step's answer
 * is checked before the next is asked; a wrong one is asked again and changes nothing.
 */
final class RoundSetupFlow extends CommandAdapter implements ConversationFlow {
    static final String FLOW = "labs-round";
    static final String TOPIC = "policy-labs";
    private static final LocalTime OPENING = LocalTime.of(9, 0);
    private static final LocalTime CLOSING = LocalTime.of(17, 0);

    private final LabRecords records;
    private final FlowState<RoundDraft> state;
    private final Announcer announcer;
    private final RoundWords words;
    private final Clock clock;

    RoundSetupFlow(LabRecords records, ConversationRepository conversations, Announcer announcer, RoundWords words,
                   Clock clock) {
        super("newround", Role.STAFF);
        this.records = records;
        this.state = new FlowState<>(conversations, FLOW, RoundDraft.class);
        this.announcer = announcer;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public boolean awaitsText(Conversation conversation) {
        return !conversation.step().equals("kind") && !conversation.step().equals("confirm");
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        state.save(context, "kind", RoundDraft.of(RoundKind.LAB));
        context.reply().send(texts.get("labs.setup.kind"), Keyboard.create()
                .button(texts.plain("labs.kind.LAB"), LabsButton.SET.data(new LabsButton.Kind(RoundKind.LAB)))
                .button(texts.plain("labs.kind.PROTOTYPE"),
                        LabsButton.SET.data(new LabsButton.Kind(RoundKind.PROTOTYPE))).build());
    }

    /** Taps of the set-up; staff only (checked by the caller), and only while the set-up runs. */
    void tap(Context context, LabsButton.Setup button) {
        Texts texts = context.texts();
        Optional<Conversation> conversation = state.current(context);
        Optional<RoundDraft> draft = conversation.flatMap(state::read);
        if (draft.isEmpty()) {
            context.reply().alert(texts.plain("labs.setup.gone"));
            return;
        }
        String step = conversation.get().step();
        context.reply().answer("");
        RoundDraft current = draft.get();
        if (button instanceof LabsButton.Kind kind && step.equals("kind")) {
            askBudget(context, RoundDraft.of(kind.kind()));
        } else if (button instanceof LabsButton.Suggested && step.equals("budget")) {
            askMax(context, current.withBudget(current.suggestedBudget()));
        } else if (button instanceof LabsButton.Suggested && step.equals("max")) {
            askOpens(context, current.withMax(Math.min(current.suggestedMax(), current.budget())));
        } else if (button instanceof LabsButton.OpensNow && step.equals("opens")) {
            askCloses(context, current.withOpens(clock.instant()));
        } else if (button instanceof LabsButton.StandardQuestions && step.equals("questions")) {
            confirm(context, current.withQuestions(List.of()));
        } else if (button instanceof LabsButton.OpenRound && step.equals("confirm")) {
            open(context, current);
        } else {
            context.reply().send(texts.get("labs.setup.not.now"));
        }
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<RoundDraft> draft = state.read(conversation);
        Optional<String> typed = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (draft.isEmpty() || typed.isEmpty()) {
            context.reply().send(texts.get("labs.setup.words"));
            return;
        }
        RoundDraft current = draft.get();
        if ((conversation.step().equals("budget") || conversation.step().equals("max"))
                && Amounts.tooLarge(typed.get())) {
            context.reply().send(texts.get("labs.setup.amount.too.large", "limit", Amounts.limit()));
            return;
        }
        switch (conversation.step()) {
            case "budget" -> Amounts.parse(typed.get()).filter(a -> a > 0).ifPresentOrElse(
                    budget -> askMax(context, current.withBudget(budget)),
                    () -> context.reply().send(texts.get("labs.setup.amount.wrong")));
            case "max" -> {
                Optional<Long> max = Amounts.parse(typed.get()).filter(a -> a > 0);
                if (max.isEmpty()) {
                    context.reply().send(texts.get("labs.setup.amount.wrong"));
                } else if (max.get() > current.budget()) {
                    context.reply().send(texts.get("labs.setup.max.over.budget",
                            "budget", Amounts.format(current.budget())));
                } else {
                    askOpens(context, current.withMax(max.get()));
                }
            }
            case "opens" -> TypedTimes.parse(typed.get(), words.zone(), OPENING).ifPresentOrElse(
                    opens -> askCloses(context, current.withOpens(opens)),
                    () -> context.reply().send(texts.get("labs.setup.time.wrong")));
            case "closes" -> {
                Optional<java.time.Instant> closes = TypedTimes.parse(typed.get(), words.zone(), CLOSING);
                if (closes.isEmpty()) {
                    context.reply().send(texts.get("labs.setup.time.wrong"));
                } else if (!closes.get().isAfter(current.opensAt()) || !closes.get().isAfter(clock.instant())) {
                    context.reply().send(texts.get("labs.setup.closes.too.early",
                            "opens", words.when(texts, current.opensAt())));
                } else {
                    askQuestions(context, current.withCloses(closes.get()));
                }
            }
            case "questions" -> confirm(context, current.withQuestions(Arrays.stream(typed.get().split("\n"))
                    .map(String::strip).filter(q -> !q.isEmpty() && !Question.STANDARD.contains(q)).toList()));
            default -> context.reply().send(texts.get("labs.setup.buttons"));
        }
    }

    private void askBudget(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        state.save(context, "budget", draft);
        context.reply().send(texts.get("labs.setup.budget", "kind", draft.kind().name()),
                Keyboard.create().button(texts.plain("labs.setup.use", "amount",
                        Amounts.format(draft.suggestedBudget())), LabsButton.SET.data(new LabsButton.Suggested()))
                        .build());
    }

    private void askMax(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        state.save(context, "max", draft);
        context.reply().send(texts.get("labs.setup.max", "budget", Amounts.format(draft.budget())),
                Keyboard.create().button(texts.plain("labs.setup.use", "amount", Amounts.format(
                        Math.min(draft.suggestedMax(), draft.budget()))), LabsButton.SET.data(
                        new LabsButton.Suggested())).build());
    }

    private void askOpens(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        state.save(context, "opens", draft);
        context.reply().send(texts.get("labs.setup.opens", "zone", words.zone().getId()), Keyboard.create()
                .button(texts.plain("labs.setup.now"), LabsButton.SET.data(new LabsButton.OpensNow())).build());
    }

    private void askCloses(Context context, RoundDraft draft) {
        state.save(context, "closes", draft);
        context.reply().send(context.texts().get("labs.setup.closes", "opens",
                words.when(context.texts(), draft.opensAt()), "zone", words.zone().getId()));
    }

    private void askQuestions(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        state.save(context, "questions", draft);
        StringBuilder list = new StringBuilder();
        for (String code : Question.STANDARD) {
            list.append("\n• ").append(new Question(code).title(texts));
        }
        context.reply().send(texts.get("labs.setup.questions", "list", org.ccin.bot.i18n.Html.trusted(list.toString())),
                Keyboard.create().button(texts.plain("labs.setup.standard"),
                        LabsButton.SET.data(new LabsButton.StandardQuestions())).build());
    }

    private void confirm(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        state.save(context, "confirm", draft);
        context.reply().send(texts.get("labs.setup.summary", "kind", draft.kind().name(),
                "budget", Amounts.format(draft.budget()), "max", Amounts.format(draft.maxAward()),
                "opens", words.when(texts, draft.opensAt()), "closes", words.when(texts, draft.closesAt()),
                "questions", draft.questions().size()),
                Keyboard.create().button(texts.plain("labs.setup.open"),
                        LabsButton.SET.data(new LabsButton.OpenRound())).build());
    }

    private void open(Context context, RoundDraft draft) {
        Texts texts = context.texts();
        Round round = records.rounds().create(new NewRound(draft.kind(), draft.budget(), draft.maxAward(),
                draft.opensAt(), draft.closesAt(), draft.questions(), TOPIC, context.userId()));
        state.end(context);
        records.audit().record(Optional.of(context.userId()), "labs.round.open", String.valueOf(round.id()),
                round.kind() + " budget " + round.budget() + " max " + round.maxAward());
        int told = announcer.announce(round);
        context.reply().send(texts.get("labs.setup.opened", "round", words.name(texts, round), "count", told,
                "id", String.valueOf(round.id())));
    }
}
