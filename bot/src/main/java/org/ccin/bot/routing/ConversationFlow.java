package org.ccin.bot.routing;

import org.ccin.store.conversations.Conversation;

/** A multi-step flow whose state lives in the database; it receives the person's messages while it runs. */
public interface ConversationFlow {
    /** The flow's name as stored in the conversation. */
    String flow();

    /** A message (text or other) from the person in the chat of the conversation. */
    void onMessage(Context context, Conversation conversation) throws Exception;
}
