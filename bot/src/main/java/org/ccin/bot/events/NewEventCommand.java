package org.ccin.bot.events;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.FlowState;

/** /newevent: staff make an event, one question at a time ({@link NewEventFlow}). */
final class NewEventCommand extends CommandAdapter {
    private final FlowState<EventDraft> drafts;

    NewEventCommand(FlowState<EventDraft> drafts) {
        super("newevent", Role.STAFF);
        this.drafts = drafts;
    }

    @Override
    public void handle(Context context) {
        drafts.save(context, NewEventFlow.TITLE, EventDraft.empty());
        context.reply().send(context.texts().get("events.new.title"));
    }
}
