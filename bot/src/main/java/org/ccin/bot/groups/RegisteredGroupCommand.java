package org.ccin.bot.groups;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;

/**
 * A command of a group the network has registered (/rules, /report, /welcomehere): in any other group it says that
 * the group is not registered yet, and does nothing else.
 */
abstract class RegisteredGroupCommand extends CommandAdapter {
    private final GroupRepository catalogue;

    RegisteredGroupCommand(String name, Role audience, GroupRepository catalogue) {
        super(name, audience, Where.GROUP);
        this.catalogue = catalogue;
    }

    @Override
    public final void handle(Context context) throws Exception {
        Optional<ChatGroup> group = catalogue.byChat(context.incoming().chatId());
        if (group.isEmpty()) {
            context.reply().send(context.texts().get("groups.not.registered"));
            return;
        }
        handle(context, group.get());
    }

    /** The command in the registered group it was sent in. */
    abstract void handle(Context context, ChatGroup group) throws Exception;
}
