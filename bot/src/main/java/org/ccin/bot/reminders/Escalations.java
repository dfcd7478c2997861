package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.time.Clock;
import java.time.Duration;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reminders.ReminderRepository;
import org.ccin.store.reminders.UnansweredReminder;

/** Passes reminders nobody answered within the configured time to staff, once each. */
final class Escalations {
    private final ReminderRepository schedule;
    private final PlanRepository plans;
    private final StaffNotices staff;
    private final ReminderCards cards;
    private final Duration after;
    private final Clock clock;

    Escalations(ReminderRepository schedule, PlanRepository plans, StaffNotices staff, ReminderCards cards,
                Duration after, Clock clock) {
        this.schedule = schedule;
        this.plans = plans;
        this.staff = staff;
        this.cards = cards;
        this.after = after;
        this.clock = clock;
    }

    /** @return how many were passed on */
    int run() {
        int told = 0;
        for (UnansweredReminder reminder : schedule.unanswered(clock.instant().minus(after))) {
            if (!schedule.markEscalated(reminder.reminderId())) {
                continue;
            }
            Action action = plans.action(reminder.actionId()).orElseThrow();
            Milestone milestone = action.milestones().stream().filter(m -> m.id() == reminder.milestoneId())
                    .findFirst().orElseThrow();
            staff.tell("escalation:" + reminder.reminderId(), reminder.actionId(), texts -> texts.get(
                    "rem.staff.unanswered", "name", reminder.firstName(), "code", action.code(),
                    "milestone", milestone.label(), "sent", cards.time(texts, reminder.sentAt()),
                    "due", milestone.dueDate().map(d -> cards.dueWords(texts, d, cards.today())).orElse("")));
            told++;
        }
        return told;
    }
}
