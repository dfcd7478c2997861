package org.ccin.bot.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.ProgressUpdate;

/**
 * A lead's answer to a reminder (or to a milestone shown by /myactions), from the buttons of {@link ReminderButton}:
 * records it with its history, edits the message to show it, and tells staff what they must know. The button names
 * a milestone; only an active lead of its action may answer, whatever the client sends.
 */
final class ReminderAnswers {
    static final Duration SNOOZE = Duration.ofDays(7);

    private final RemindersData data;
    private final ReminderCards cards;
    private final StaffNotices staff;
    private final NoteFlow notes;
    private final ReminderPolicy policy;
    private final Clock clock;

    ReminderAnswers(RemindersData data, ReminderCards cards, StaffNotices staff, NoteFlow notes, ReminderPolicy policy,
                    Clock clock) {
        this.data = data;
        this.cards = cards;
        this.staff = staff;
        this.notes = notes;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the lead of a milestone's action may do, once the milestone, their link and they are found. */
    private record Lead(Action action, Milestone milestone, LeadLink link, Member member) {
    }

    @FunctionalInterface
    private interface LeadTap<T> {
        void handle(Context context, T button, Lead lead);
    }

    CallbackAction buttons() {
        ButtonHandlers<ReminderButton> handlers = ReminderButton.SET.handlers().unknown("rem.stale")
                .on(ReminderButton.Open.class, (context, button) -> open(context, button.action()))
                .on(ReminderButton.NotMeForAction.class, (context, button) -> notMe(context, button.action()))
                .on(ReminderButton.Note.class, ofLead((context, button, lead) -> {
                    notes.begin(context, lead.action(), lead.milestone(), false);
                    context.reply().answer("");
                }))
                .on(ReminderButton.Change.class, ofLead((context, button, lead) -> context.reply().show(
                        cards.card(context.texts(), lead.action(), lead.milestone(), cards.today()),
                        cards.buttons(context.texts(), lead.milestone().id()))));
        LeadTap<ReminderButton.Answering> answer = (context, button, lead) -> answer(context, lead, button.answer());
        return handlers.on(ReminderButton.Complete.class, ofLead(answer))
                .on(ReminderButton.OnTrack.class, ofLead(answer))
                .on(ReminderButton.AtRisk.class, ofLead(answer))
                .on(ReminderButton.Blocked.class, ofLead(answer))
                .on(ReminderButton.Snooze.class, ofLead(answer))
                .on(ReminderButton.NotMe.class, ofLead(answer))
                .build();
    }

    /** Finds the button's milestone and checks that whoever taps leads its action. */
    private <T extends ReminderButton.OfMilestone> ButtonHandlers.Tap<T> ofLead(LeadTap<? super T> tap) {
        return (context, button) -> {
            long id = button.milestone();
            Optional<Action> action = data.plans().actionOfMilestone(id);
            Optional<Milestone> milestone = action.flatMap(a -> a.milestones().stream().filter(m -> m.id() == id)
                    .findFirst());
            if (milestone.isEmpty()) {
                context.reply().alert(context.texts().plain("rem.stale"));
                return;
            }
            Optional<LeadLink> link = data.leads().activeLink(action.get().id(), context.userId());
            Optional<Member> member = data.members().findByTelegramId(context.userId());
            if (link.isEmpty() || member.isEmpty()) {
                context.reply().alert(context.texts().plain("rem.not.yours"));
                return;
            }
            tap.handle(context, button, new Lead(action.get(), milestone.get(), link.get(), member.get()));
        };
    }

    private void answer(Context context, Lead lead, Answer answer) {
        Action action = lead.action();
        Milestone milestone = lead.milestone();
        Member member = lead.member();
        Optional<Instant> snoozedUntil = Optional.empty();
        if (answer == Answer.SNOOZED) {
            snoozedUntil = Optional.of(policy.nextWorkingTime(clock.instant().plus(SNOOZE)));
            data.schedule().snooze(milestone.id(), member.id(), snoozedUntil.get());
        }
        if (answer == Answer.NOT_ME) {
            data.leads().decline(action.id(), member.id());
        }
        ProgressUpdate update = data.progress().record(action.id(), Optional.of(milestone.id()),
                Optional.of(member.id()), answer, Optional.empty());
        Action now = data.plans().action(action.id()).orElse(action);
        Milestone shown = now.milestones().stream().filter(m -> m.id() == milestone.id()).findFirst().orElse(milestone);
        String text = cards.answered(context.texts(), now, shown, cards.today(), answer, member.firstName(),
                update.at(), snoozedUntil);
        boolean finished = answer == Answer.COMPLETE || answer == Answer.NOT_ME;
        context.reply().show(text, finished ? Keyboard.create().build() : cards.afterAnswer(context.texts(),
                milestone.id()));
        context.reply().answer(context.texts().plain("rem.thanks"));
        if (answer.alertsStaff()) {
            staff.tell("progress:" + update.id(), action.id(), texts -> texts.get("rem.staff." + answer.name(),
                    "name", member.firstName(), "code", action.code(), "milestone", milestone.label()));
            notes.begin(context, action, milestone, true);
        }
        if (answer == Answer.NOT_ME) {
            staff.tell("notme:" + update.id(), action.id(), texts -> texts.get("rem.staff.notme",
                    "name", member.firstName(), "code", action.code(), "lead", lead.link().leadName()));
        }
    }

    /** "Not me" on the message that told someone staff linked them to an action. */
    private void notMe(Context context, long actionId) {
        Optional<Action> action = data.plans().action(actionId);
        Optional<LeadLink> link = data.leads().activeLink(actionId, context.userId());
        Optional<Member> member = data.members().findByTelegramId(context.userId());
        if (action.isEmpty() || link.isEmpty() || member.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.not.yours"));
            return;
        }
        data.leads().decline(actionId, member.get().id());
        ProgressUpdate update = data.progress().record(actionId, Optional.empty(),
                Optional.of(member.get().id()), Answer.NOT_ME, Optional.empty());
        context.reply().show(context.texts().get("rem.notme.done", "code", action.get().code()),
                Keyboard.create().build());
        staff.tell("notme:" + update.id(), actionId, texts -> texts.get("rem.staff.notme",
                "name", member.get().firstName(), "code", action.get().code(), "lead", link.get().leadName()));
    }

    /** From /myactions: the action's next open milestone with the answer buttons. */
    private void open(Context context, long actionId) {
        Optional<Action> action = data.plans().action(actionId);
        if (action.isEmpty() || data.leads().activeLink(actionId, context.userId()).isEmpty()) {
            context.reply().alert(context.texts().plain("rem.not.yours"));
            return;
        }
        Optional<Milestone> next = action.get().milestones().stream().filter(m -> !m.done()).findFirst();
        if (next.isEmpty()) {
            context.reply().answer(context.texts().plain("rem.all.done"));
            return;
        }
        context.reply().send(cards.card(context.texts(), action.get(), next.get(), cards.today()),
                cards.buttons(context.texts(), next.get().id()));
    }
}
