package org.ccin.bot.account;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.conversations.ConversationRepository;

/** /cancel: leaves whatever flow is running in this chat; what was already saved stays saved. */
final class CancelCommand extends CommandAdapter {
    private final ConversationRepository conversations;

    public CancelCommand(ConversationRepository conversations) {
        super("cancel", Role.EVERYONE);
        this.conversations = conversations;
    }

    @Override
    public void handle(Context context) {
        long chatId = context.incoming().chatId();
        boolean running = conversations.find(chatId, context.userId()).isPresent();
        conversations.delete(chatId, context.userId());
        context.reply().send(context.texts().get(running ? "cancel.done" : "cancel.nothing"));
    }
}
