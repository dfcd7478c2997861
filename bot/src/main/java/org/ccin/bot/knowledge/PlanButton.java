package org.ccin.bot.knowledge;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/** The buttons of /actions and of the plan's answers to questions: a plan, an objective, an action, its notes. */
sealed interface PlanButton {
    ButtonSet<PlanButton> SET = ButtonSet.of("plan", PlanButton.class);

    /** A plan's objectives (its code, e.g. "2024"). */
    @ButtonCode("plan")
    record ShowPlan(String code) implements PlanButton {
    }

    /** An objective's actions. */
    @ButtonCode("obj")
    record ShowObjective(long objective) implements PlanButton {
    }

    /** An action's card. */
    @ButtonCode("act")
    record ShowAction(long action) implements PlanButton {
    }

    /** One page of an action's notes, newest first (page 0). */
    @ButtonCode("hist")
    record History(long action, int page) implements PlanButton {
    }
}
