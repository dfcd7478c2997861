package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.ActionNote;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /actions: the plan by objective (or 2021 theme), each with its traffic-light summary; an objective's actions;
 * an action's card; the notes of an action, newest first, a few at a time. Its buttons are {@link PlanButton}.
 */
final class ActionsCommand extends CommandAdapter {
    /** Notes can be 1,000 characters long: three stay well inside one Telegram message. */
    static final int NOTES_PER_PAGE = 3;

    private final PlanRepository plans;
    private final PlanCards cards;
    private final ZoneId zone;

    ActionsCommand(PlanRepository plans, Clock clock, ZoneId zone) {
        super("actions", Role.EVERYONE);
        this.plans = plans;
        this.cards = new PlanCards(plans, clock, zone);
        this.zone = zone;
    }

    @Override
    public void handle(Context context) {
        Optional<Plan> plan = plans.currentPlan();
        if (plan.isEmpty()) {
            context.reply().send(context.texts().get("plan.none"));
            return;
        }
        showPlan(context, plan.get());
    }

    /**
     * The buttons' handler. Data that is none of them answers as a history that cannot be found, as before the
     * buttons were typed: an ill-formed notes button is the forged kind the tests try.
     */
    CallbackAction buttons() {
        return PlanButton.SET.handlers()
                .on(PlanButton.ShowPlan.class, (context, button) -> plans.plan(button.code())
                        .ifPresentOrElse(p -> showPlan(context, p), () -> refuse(context)))
                .on(PlanButton.ShowObjective.class, (context, button) -> plans.objective(button.objective())
                        .ifPresentOrElse(o -> showObjective(context, o), () -> refuse(context)))
                .on(PlanButton.ShowAction.class, (context, button) -> plans.action(button.action())
                        .ifPresentOrElse(a -> showAction(context, a), () -> refuse(context)))
                .on(PlanButton.History.class, this::showHistory)
                .unknown("plan.history.unknown")
                .build();
    }

    private void showPlan(Context context, Plan plan) {
        Texts texts = context.texts();
        StringBuilder text = new StringBuilder("<b>").append(Html.escape(plan.title(texts.language().code())))
                .append("</b>\n");
        Keyboard keyboard = Keyboard.create();
        for (Objective objective : plans.objectives(plan.code())) {
            text.append("\n<b>").append(Html.escape(objective.code())).append(". ")
                    .append(Html.escape(objective.title())).append("</b>\n").append(cards.summary(objective, texts))
                    .append('\n');
            keyboard.row().button(shorten(objective.code() + ". " + objective.title()),
                    PlanButton.SET.data(new PlanButton.ShowObjective(objective.id())));
        }
        for (Plan other : plans.plans()) {
            if (!other.code().equals(plan.code())) {
                keyboard.row().button("📂 " + shorten(other.title(texts.language().code())),
                        PlanButton.SET.data(new PlanButton.ShowPlan(other.code())));
            }
        }
        text.append('\n').append(texts.get("plan.browse.hint"));
        context.reply().show(text.toString(), keyboard.build());
    }

    private void showObjective(Context context, Objective objective) {
        Texts texts = context.texts();
        List<Action> actions = plans.actionsOf(objective.id());
        StringBuilder text = new StringBuilder("<b>").append(Html.escape(objective.code())).append(". ")
                .append(Html.escape(objective.title())).append("</b>\n");
        if (!objective.summary().isEmpty()) {
            text.append("<i>").append(Html.escape(objective.summary())).append("</i>\n");
        }
        text.append(cards.summary(objective, texts)).append("\n\n").append(cards.lines(actions, texts))
                .append("\n\n").append(cards.source(objective.planCode(), texts));
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (Action action : actions) {
            buttons.add(Keyboard.callbackButton(TrafficLight.mark(action.progress()) + " " + action.code(),
                    PlanButton.SET.data(new PlanButton.ShowAction(action.id()))));
        }
        Keyboard keyboard = Keyboard.create().grid(buttons, 4);
        keyboard.row().button(texts.plain("button.back"), PlanButton.SET.data(new PlanButton.ShowPlan(objective.planCode())));
        context.reply().show(text.toString(), keyboard.build());
    }

    void showAction(Context context, Action action) {
        Keyboard keyboard = Keyboard.create();
        int notes = plans.noteCount(action.id());
        if (notes > 0) {
            keyboard.row().button(context.texts().plain("plan.history.button", "count", notes),
                    PlanButton.SET.data(new PlanButton.History(action.id(), 0)));
        }
        keyboard.row().button(context.texts().plain("plan.back.to.objective"),
                PlanButton.SET.data(new PlanButton.ShowObjective(action.objectiveId())));
        context.reply().show(cards.card(action, context.texts()), keyboard.build());
    }

    /** All notes of an action, a page at a time; the page is checked, since a button can be forged. */
    private void showHistory(Context context, PlanButton.History button) {
        Texts texts = context.texts();
        Optional<Action> action = plans.action(button.action());
        int count = action.map(a -> plans.noteCount(a.id())).orElse(0);
        int pages = Math.max(1, (count + NOTES_PER_PAGE - 1) / NOTES_PER_PAGE);
        int shown = button.page();
        if (action.isEmpty() || shown < 0 || shown >= pages) {
            context.reply().alert(texts.plain("plan.history.unknown"));
            return;
        }
        StringBuilder text = new StringBuilder(texts.get("plan.history.title", "code", action.get().code(),
                "count", count));
        if (count == 0) {
            text.append("\n\n").append(texts.get("plan.history.none"));
        }
        for (ActionNote note : plans.notes(action.get().id(), shown * NOTES_PER_PAGE, NOTES_PER_PAGE)) {
            text.append("\n\n").append(texts.get("plan.history.entry", "who", PlanWords.author(note, texts),
                    "date", PlanWords.noteDate(note, zone, texts), "note", note.text()));
        }
        Keyboard keyboard = Keyboard.create();
        if (pages > 1) {
            text.append("\n\n").append(texts.get("plan.history.page", "page", shown + 1, "pages", pages));
            keyboard.row();
            if (shown > 0) {
                keyboard.button(texts.plain("plan.history.newer"), PlanButton.SET.data(
                        new PlanButton.History(action.get().id(), shown - 1)));
            }
            if (shown < pages - 1) {
                keyboard.button(texts.plain("plan.history.older"), PlanButton.SET.data(
                        new PlanButton.History(action.get().id(), shown + 1)));
            }
        }
        keyboard.row().button(texts.plain("plan.back.to.action"), PlanButton.SET.data(new PlanButton.ShowAction(action.get().id())));
        context.reply().show(text.toString(), keyboard.build());
    }

    private static void refuse(Context context) {
        context.reply().alert(context.texts().plain("button.unknown"));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
