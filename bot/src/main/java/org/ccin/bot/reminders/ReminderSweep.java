package org.ccin.bot.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reminders.ReminderRepository;
import org.ccin.store.reminders.ReminderRepository.Slot;
import org.ccin.store.reminders.ReminderTarget;

/**
 * Finds the reminder slots that are due and not yet handled, and queues one message per milestone and lead in the
 * outbox. Slots missed while the bot was down are handled at the next run: the newest becomes the message, the
 * older ones are recorded as merged into it, so a lead gets one up-to-date reminder rather than a burst of stale
 * ones. Everything it knows comes from the database, so it can run any time, as often as wanted.
 */
final class ReminderSweep {
    static final String KIND = "reminder";

    private final ReminderRepository schedule;
    private final PlanRepository plans;
    private final ReminderPolicy policy;
    private final ReminderCards cards;
    private final Messages messages;
    private final Clock clock;
    private final Language defaultLanguage;

    ReminderSweep(ReminderRepository schedule, PlanRepository plans, ReminderPolicy policy, ReminderCards cards,
                  Messages messages, Clock clock, Language defaultLanguage) {
        this.schedule = schedule;
        this.plans = plans;
        this.policy = policy;
        this.cards = cards;
        this.messages = messages;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
    }

    /** @return how many reminders were queued */
    int run() {
        Instant now = clock.instant();
        List<ReminderTarget> targets = schedule.targets();
        Map<String, Set<Instant>> handled = schedule.handledSlots();
        Map<Long, List<Instant>> extras = schedule.extras();
        Map<Long, Long> firstOpenMilestone = new HashMap<>();
        targets.stream().sorted(Comparator.comparing(ReminderTarget::dueDate))
                .forEach(t -> firstOpenMilestone.putIfAbsent(t.actionId(), t.milestoneId()));
        Map<Long, Optional<Action>> actions = new HashMap<>();
        int queued = 0;
        for (ReminderTarget target : targets) {
            // extra reminders from staff are about the action's next milestone
            List<Instant> extra = firstOpenMilestone.get(target.actionId()) == target.milestoneId()
                    ? extras.getOrDefault(target.actionId(), List.of()) : List.of();
            Set<Instant> done = handled.getOrDefault(target.milestoneId() + ":" + target.memberId(), Set.of());
            List<Slot> due = policy.slots(target.dueDate(), target.linkedAt(), now, target.snoozedFrom(),
                    target.snoozedUntil(), extra).stream().filter(slot -> !done.contains(slot.at())).toList();
            if (due.isEmpty()) {
                continue;
            }
            Optional<Action> action = actions.computeIfAbsent(target.actionId(), id -> plans.action(id));
            Optional<Milestone> milestone = action.flatMap(a -> a.milestones().stream()
                    .filter(m -> m.id() == target.milestoneId()).findFirst());
            if (milestone.isEmpty()) {
                continue;
            }
            Slot newest = due.get(due.size() - 1);
            Texts texts = messages.in(Language.fromCode(target.language()).orElse(defaultLanguage));
            LocalDate today = cards.today();
            OutgoingMessage message = OutgoingMessage.text(cards.card(texts, action.get(), milestone.get(), today),
                    cards.buttons(texts, target.milestoneId()));
            String key = "reminder:" + target.milestoneId() + ":" + newest.at().getEpochSecond() + ":" + target.memberId();
            // a reminder caught up outside working hours waits for the next working time
            Instant notBefore = policy.nextWorkingTime(now);
            if (schedule.queue(target, due, new OutboxMessage(key, OutboxLane.REMINDER, KIND, target.milestoneId(),
                    target.telegramUserId(), message.json(), notBefore))) {
                queued++;
            }
        }
        return queued;
    }
}
