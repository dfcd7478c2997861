package org.ccin.bot.privacy;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.Context;

/** /privacy: what the bot keeps about members, why, for how long, and their rights. */
final class PrivacyCommand implements Command {
    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public Role audience() {
        return Role.EVERYONE;
    }

    @Override
    public Where where() {
        return Where.ANYWHERE;
    }

    @Override
    public void handle(Context context) {
        context.reply().send(context.texts().get("privacy.notice"));
    }
}
