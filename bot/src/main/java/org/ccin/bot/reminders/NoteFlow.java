package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.util.Optional;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.store.Store;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.ProgressUpdate;

/**
 * "Add a note": the lead's next message is kept as a note in the action's history. After At risk or Blocked the
 * note also goes to staff, who were alerted already.
 */
final class NoteFlow implements ConversationFlow {
    static final String FLOW = "remnote";
    private static final int NOTE_MAX = 1000;

    private final Store store;
    private final StaffNotices staff;

    NoteFlow(Store store, StaffNotices staff) {
        this.store = store;
        this.staff = staff;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** Asks for the note; {@code toStaff} when staff should read it. */
    void begin(Context context, Action action, Milestone milestone, boolean toStaff) {
        store.conversations().save(context.incoming().chatId(), context.userId(), FLOW, toStaff ? "staff" : "note",
                String.valueOf(milestone.id()));
        context.reply().send(context.texts().get(toStaff ? "rem.note.ask.staff" : "rem.note.ask", "code", action.code()));
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Optional<String> text = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (text.isEmpty() || text.get().startsWith("/")) {
            context.reply().send(context.texts().get("rem.note.words"));
            return;
        }
        if (text.get().length() > NOTE_MAX) {
            context.reply().send(context.texts().get("rem.note.long", "max", NOTE_MAX, "length", text.get().length()));
            return;
        }
        long milestoneId;
        try {
            milestoneId = Long.parseLong(conversation.state());
        } catch (NumberFormatException e) {
            milestoneId = -1;
        }
        long chosen = milestoneId;
        Optional<Action> action = store.plans().actionOfMilestone(chosen);
        Optional<Member> member = store.members().findByTelegramId(context.userId());
        store.conversations().delete(context.incoming().chatId(), context.userId());
        if (action.isEmpty() || member.isEmpty()
                || store.reminders().leads().activeLink(action.get().id(), context.userId()).isEmpty()) {
            context.reply().send(context.texts().get("rem.not.yours.text"));
            return;
        }
        ProgressUpdate update = store.reminders().progress().record(action.get().id(), Optional.of(chosen),
                Optional.of(member.get().id()), Answer.NOTE, text);
        boolean toStaff = "staff".equals(conversation.step());
        context.reply().send(context.texts().get(toStaff ? "rem.note.saved.staff" : "rem.note.saved",
                "code", action.get().code()));
        if (toStaff) {
            staff.tell("note:" + update.id(), action.get().id(), texts -> texts.get("rem.staff.note",
                    "name", member.get().firstName(), "code", action.get().code(), "note", text.get()));
        }
    }
}
