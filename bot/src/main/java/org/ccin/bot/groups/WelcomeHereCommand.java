package org.ccin.bot.groups;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.Context;
import org.ccin.config.BotConfig;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;

/** /welcomehere, in a forum topic (staff or the group's moderators): newcomers are welcomed in this topic. */
final class WelcomeHereCommand extends RegisteredGroupCommand {
    private final GroupRepository catalogue;
    private final BotConfig config;

    WelcomeHereCommand(GroupRepository catalogue, BotConfig config) {
        super("welcomehere", Role.EVERYONE, catalogue);
        this.catalogue = catalogue;
        this.config = config;
    }

    @Override
    public String descriptionKey() {
        return "command.welcomehere";
    }

    @Override
    void handle(Context context, ChatGroup group) {
        if (!config.isStaff(context.userId())
                && !catalogue.isModerator(group.id(), context.userId())) {
            context.reply().send(context.texts().get("access.moderators.only"));
            return;
        }
        catalogue.setWelcomeThread(group.id(), context.incoming().threadId());
        context.reply().send(context.texts().get(context.incoming().threadId().isPresent()
                ? "groups.welcome.here" : "groups.welcome.general"));
    }
}
