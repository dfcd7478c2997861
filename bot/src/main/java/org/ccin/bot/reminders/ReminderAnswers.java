package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.Store;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.ProgressUpdate;

/**
 * A lead's answer to a reminder (or to a milestone shown by /myactions): records it with its history, edits the
 * message to show it, and tells staff what they must know. The button names a milestone; only an active lead of
 * its action may answer, whatever the client sends.
 */
final class ReminderAnswers implements CallbackAction {
    static final Duration SNOOZE = Duration.ofDays(7);
    private static final Map<String, Answer> ANSWERS = Map.of("c", Answer.COMPLETE, "t", Answer.ON_TRACK,
            "r", Answer.AT_RISK, "b", Answer.BLOCKED, "s", Answer.SNOOZED, "x", Answer.NOT_ME);

    private final Store store;
    private final ReminderCards cards;
    private final StaffNotices staff;
    private final NoteFlow notes;
    private final ReminderPolicy policy;
    private final Clock clock;

    ReminderAnswers(Store store, ReminderCards cards, StaffNotices staff, NoteFlow notes, ReminderPolicy policy,
                    Clock clock) {
        this.store = store;
        this.cards = cards;
        this.staff = staff;
        this.notes = notes;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String feature() {
        return ReminderCards.FEATURE;
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Optional<Long> id = data.number(0);
        if (id.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.stale"));
            return;
        }
        if (data.action().equals("open")) {
            open(context, id.get());
            return;
        }
        if (data.action().equals("xa")) {
            notMe(context, id.get());
            return;
        }
        Optional<Action> action = store.plans().actionOfMilestone(id.get());
        Optional<Milestone> milestone = action.flatMap(a -> a.milestones().stream().filter(m -> m.id() == id.get())
                .findFirst());
        if (milestone.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.stale"));
            return;
        }
        Optional<LeadLink> link = store.reminders().leads().activeLink(action.get().id(), context.userId());
        Optional<Member> member = store.members().findByTelegramId(context.userId());
        if (link.isEmpty() || member.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.not.yours"));
            return;
        }
        switch (data.action()) {
            case "n":
                notes.begin(context, action.get(), milestone.get(), false);
                context.reply().answer("");
                return;
            case "m":
                context.reply().show(cards.card(context.texts(), action.get(), milestone.get(), cards.today()),
                        cards.buttons(context.texts(), milestone.get().id()));
                return;
            default:
                Answer answer = ANSWERS.get(data.action());
                if (answer == null) {
                    context.reply().alert(context.texts().plain("rem.stale"));
                    return;
                }
                answer(context, action.get(), milestone.get(), link.get(), member.get(), answer);
        }
    }

    private void answer(Context context, Action action, Milestone milestone, LeadLink link, Member member,
                        Answer answer) {
        Optional<Instant> snoozedUntil = Optional.empty();
        if (answer == Answer.SNOOZED) {
            snoozedUntil = Optional.of(policy.nextWorkingTime(clock.instant().plus(SNOOZE)));
            store.reminders().schedule().snooze(milestone.id(), member.id(), snoozedUntil.get());
        }
        if (answer == Answer.NOT_ME) {
            store.reminders().leads().decline(action.id(), member.id());
        }
        ProgressUpdate update = store.reminders().progress().record(action.id(), Optional.of(milestone.id()),
                Optional.of(member.id()), answer, Optional.empty());
        Action now = store.plans().action(action.id()).orElse(action);
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
                    "name", member.firstName(), "code", action.code(), "lead", link.leadName()));
        }
    }

    /** "Not me" on the message that told someone staff linked them to an action. */
    private void notMe(Context context, long actionId) {
        Optional<Action> action = store.plans().action(actionId);
        Optional<LeadLink> link = store.reminders().leads().activeLink(actionId, context.userId());
        Optional<Member> member = store.members().findByTelegramId(context.userId());
        if (action.isEmpty() || link.isEmpty() || member.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.not.yours"));
            return;
        }
        store.reminders().leads().decline(actionId, member.get().id());
        ProgressUpdate update = store.reminders().progress().record(actionId, Optional.empty(),
                Optional.of(member.get().id()), Answer.NOT_ME, Optional.empty());
        context.reply().show(context.texts().get("rem.notme.done", "code", action.get().code()),
                Keyboard.create().build());
        staff.tell("notme:" + update.id(), actionId, texts -> texts.get("rem.staff.notme",
                "name", member.get().firstName(), "code", action.get().code(), "lead", link.get().leadName()));
    }

    /** From /myactions: the action's next open milestone with the answer buttons. */
    private void open(Context context, long actionId) {
        Optional<Action> action = store.plans().action(actionId);
        if (action.isEmpty() || store.reminders().leads().activeLink(actionId, context.userId()).isEmpty()) {
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
