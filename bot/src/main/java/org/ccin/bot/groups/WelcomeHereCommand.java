package org.ccin.bot.groups;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;

/** /welcomehere, in a forum topic (staff or the group's moderators): newcomers are welcomed in this topic. */
final class WelcomeHereCommand extends CommandAdapter {
    private final Store store;
    private final BotConfig config;

    WelcomeHereCommand(Store store, BotConfig config) {
        super("welcomehere", Role.EVERYONE, Where.GROUP);
        this.store = store;
        this.config = config;
    }

    @Override
    public String descriptionKey() {
        return "command.welcomehere";
    }

    @Override
    public void handle(Context context) {
        Optional<ChatGroup> group = store.groups().catalogue().byChat(context.incoming().chatId());
        if (group.isEmpty()) {
            context.reply().send(context.texts().get("groups.not.registered"));
            return;
        }
        if (!config.isStaff(context.userId())
                && !store.groups().catalogue().isModerator(group.get().id(), context.userId())) {
            context.reply().send(context.texts().get("access.moderators.only"));
            return;
        }
        store.groups().catalogue().setWelcomeThread(group.get().id(), context.incoming().threadId());
        context.reply().send(context.texts().get(context.incoming().threadId().isPresent()
                ? "groups.welcome.here" : "groups.welcome.general"));
    }
}
