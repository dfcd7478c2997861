package org.ccin.bot.routing;

import org.ccin.store.conversations.Conversation;

/** A multi-step flow whose state lives in the database; it receives the person's messages while it runs. */
public interface ConversationFlow {
    /** The flow's name as stored in the conversation. */
    String flow();

    /**
     * Whether the flow, at the conversation's step, is waiting for the person to type something (a note, a
     * newsletter's text, a registration field). When it is not, typed text is answered as a question and the flow
     * stays open, to be carried on from its own buttons. Defaults to waiting, so that a flow that reads text keeps
     * getting it; flows that only take buttons say so.
     */
    default boolean awaitsText(Conversation conversation) {
        return true;
    }

    /** A message (text or other) from the person in the chat of the conversation. */
    void onMessage(Context context, Conversation conversation) throws Exception;
}
