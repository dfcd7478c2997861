package org.ccin.bot.groups;

import java.util.List;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.Context;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;

/** /rules in a group: the network's rules and this group's own, answered in the topic it was asked in. */
final class GroupRulesCommand extends RegisteredGroupCommand {
    private final GroupWords words;

    GroupRulesCommand(GroupRepository catalogue, GroupWords words) {
        super("rules", Role.EVERYONE, catalogue);
        this.words = words;
    }

    @Override
    void handle(Context context, ChatGroup group) {
        context.reply().send(words.rules(List.of(group), context.texts()));
    }
}
