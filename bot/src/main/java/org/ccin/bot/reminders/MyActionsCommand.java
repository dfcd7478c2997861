package org.ccin.bot.reminders;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.LeadRepository;

/** /myactions: the actions a lead is linked to, with their milestones and progress, and a button to update each. */
final class MyActionsCommand extends CommandAdapter {
    private final LeadRepository leads;
    private final PlanRepository plans;
    private final ReminderCards cards;

    MyActionsCommand(LeadRepository leads, PlanRepository plans, ReminderCards cards) {
        super("myactions", Role.LEAD);
        this.leads = leads;
        this.plans = plans;
        this.cards = cards;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Long> ids = leads.actionsLedBy(context.userId());
        if (ids.isEmpty()) {
            context.reply().send(texts.get("rem.myactions.none"));
            return;
        }
        LocalDate today = cards.today();
        StringBuilder text = new StringBuilder(texts.get("rem.myactions.title", "count", ids.size()));
        Keyboard keyboard = Keyboard.create();
        for (long id : ids) {
            Optional<Action> found = plans.action(id);
            if (found.isEmpty()) {
                continue;
            }
            Action action = found.get();
            String lead = leads.activeLink(id, context.userId()).map(LeadLink::leadName).orElse("");
            text.append("\n\n").append(texts.get("rem.myactions.action", "code", action.code(), "text", action.text(),
                    "lead", lead, "progress", ReminderCards.progress(texts, action.progress())));
            for (Milestone milestone : action.milestones()) {
                String due = milestone.dueDate().map(d -> cards.dueWords(texts, d, today))
                        .orElse(texts.plain("rem.due.none"));
                text.append('\n').append(texts.get(milestone.done() ? "rem.myactions.done" : "rem.myactions.open",
                        "milestone", milestone.label(), "due", due));
            }
            if (action.milestones().stream().anyMatch(m -> !m.done())) {
                keyboard.row().button(texts.plain("rem.myactions.update", "code", action.code()),
                        ReminderButton.SET.data(new ReminderButton.Open(action.id())));
            }
        }
        text.append("\n\n").append(texts.get("rem.myactions.hint"));
        context.reply().send(text.toString(), keyboard.build());
    }
}
