package org.ccin.bot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /actions: the plan by objective (or 2021 theme), each with its traffic-light summary; an objective's actions;
 * an action's card. Buttons: {@code plan:plan:<code>}, {@code plan:obj:<id>}, {@code plan:act:<id>}.
 */
public final class ActionsCommand implements Command, CallbackAction {
    static final String FEATURE = "plan";

    private final PlanRepository plans;
    private final PlanCards cards;

    public ActionsCommand(PlanRepository plans) {
        this.plans = plans;
        this.cards = new PlanCards(plans);
    }

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public Role audience() {
        return Role.EVERYONE;
    }

    @Override
    public String feature() {
        return FEATURE;
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

    @Override
    public void handle(Context context, CallbackData data) {
        switch (data.action()) {
            case "plan":
                data.arg(0).flatMap(plans::plan).ifPresentOrElse(p -> showPlan(context, p), () -> refuse(context));
                return;
            case "obj":
                data.number(0).flatMap(plans::objective).ifPresentOrElse(o -> showObjective(context, o),
                        () -> refuse(context));
                return;
            case "act":
                data.number(0).flatMap(plans::action).ifPresentOrElse(a -> showAction(context, a),
                        () -> refuse(context));
                return;
            default:
                refuse(context);
        }
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
                    CallbackData.of(FEATURE, "obj", objective.id()));
        }
        for (Plan other : plans.plans()) {
            if (!other.code().equals(plan.code())) {
                keyboard.row().button("📂 " + shorten(other.title(texts.language().code())),
                        CallbackData.of(FEATURE, "plan", other.code()));
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
                    CallbackData.of(FEATURE, "act", action.id())));
        }
        Keyboard keyboard = Keyboard.create().grid(buttons, 4);
        keyboard.row().button(texts.plain("button.back"), CallbackData.of(FEATURE, "plan", objective.planCode()));
        context.reply().show(text.toString(), keyboard.build());
    }

    void showAction(Context context, Action action) {
        Keyboard keyboard = Keyboard.create().row().button(context.texts().plain("plan.back.to.objective"),
                CallbackData.of(FEATURE, "obj", action.objectiveId()));
        context.reply().show(cards.card(action, context.texts()), keyboard.build());
    }

    private static void refuse(Context context) {
        context.reply().alert(context.texts().plain("button.unknown"));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
