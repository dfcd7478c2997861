package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;

/** /rules in a group: the network's rules and this group's own, answered in the topic it was asked in. */
final class GroupRulesCommand extends CommandAdapter {
    private final Store store;
    private final GroupWords words;

    GroupRulesCommand(Store store, GroupWords words) {
        super("rules", Role.EVERYONE, Where.GROUP);
        this.store = store;
        this.words = words;
    }

    @Override
    public void handle(Context context) {
        Optional<ChatGroup> group = store.groups().catalogue().byChat(context.incoming().chatId());
        if (group.isEmpty()) {
            context.reply().send(context.texts().get("groups.not.registered"));
            return;
        }
        context.reply().send(words.rules(List.of(group.get()), context.texts()));
    }
}
