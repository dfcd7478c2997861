package org.ccin.bot.reminders;

import java.util.Optional;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
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
    private static final String NOTE = "note";
    private static final String TO_STAFF = "staff";
    private static final int NOTE_MAX = 1000;

    /** The milestone the note is about. */
    record Noting(long milestone) {
    }

    private final RemindersData data;
    private final FlowState<Noting> state;
    private final StaffNotices staff;

    NoteFlow(RemindersData data, ConversationRepository conversations, StaffNotices staff) {
        this.data = data;
        this.state = new FlowState<>(conversations, FLOW, Noting.class);
        this.staff = staff;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** Asks for the note; {@code toStaff} when staff should read it. */
    void begin(Context context, Action action, Milestone milestone, boolean toStaff) {
        state.save(context, toStaff ? TO_STAFF : NOTE, new Noting(milestone.id()));
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
        // a state that no longer reads (saved by an older version) names no milestone: answered as a stale note
        Optional<Long> milestone = state.read(conversation).map(Noting::milestone);
        Optional<Action> action = milestone.flatMap(data.plans()::actionOfMilestone);
        Optional<Member> member = data.members().findByTelegramId(context.userId());
        state.end(context);
        if (action.isEmpty() || member.isEmpty()
                || data.leads().activeLink(action.get().id(), context.userId()).isEmpty()) {
            context.reply().send(context.texts().get("rem.not.yours.text"));
            return;
        }
        ProgressUpdate update = data.progress().record(action.get().id(), milestone,
                Optional.of(member.get().id()), Answer.NOTE, text);
        boolean toStaff = TO_STAFF.equals(conversation.step());
        context.reply().send(context.texts().get(toStaff ? "rem.note.saved.staff" : "rem.note.saved",
                "code", action.get().code()));
        if (toStaff) {
            staff.tell("note:" + update.id(), action.get().id(), texts -> texts.get("rem.staff.note",
                    "name", member.get().firstName(), "code", action.get().code(), "note", text.get()));
        }
    }
}
