package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.config.BotConfig;

/** The check before every button of a staff tool: whatever the button says, only staff may tap it. */
final class StaffOnly {
    private StaffOnly() {
    }

    static <B> ButtonHandlers.Guard<B> guard(BotConfig config) {
        return (context, button) -> {
            if (config.isStaff(context.userId())) {
                return true;
            }
            context.reply().alert(context.texts().plain("access.staff.only"));
            return false;
        };
    }
}
