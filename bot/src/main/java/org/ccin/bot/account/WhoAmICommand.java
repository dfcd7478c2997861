package org.ccin.bot.account;

import java.util.StringJoiner;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;

/** /whoami: the person's Telegram id and their roles in the bot. */
final class WhoAmICommand extends CommandAdapter {
    WhoAmICommand() {
        super("whoami", Role.EVERYONE);
    }


    @Override
    public void handle(Context context) {
        StringJoiner roles = new StringJoiner("\n");
        for (Role role : Role.values()) {
            if (context.has(role)) {
                roles.add("• " + context.texts().get("role.name." + role.name().toLowerCase()));
            }
        }
        context.reply().send(context.texts().get("whoami", "name", context.incoming().firstName(),
                "id", context.userId(), "roles", org.ccin.bot.i18n.Html.trusted(roles.toString())));
    }
}
