package org.ccin.bot.privacy;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;

/** /privacy: what the bot keeps about members, why, for how long, and their rights. */
final class PrivacyCommand extends CommandAdapter {
    PrivacyCommand() {
        super("privacy", Role.EVERYONE, Where.ANYWHERE);
    }


    @Override
    public void handle(Context context) {
        context.reply().send(context.texts().get("privacy.notice"));
    }
}
