package org.ccin.bot.routing;

import org.ccin.bot.access.Role;

/** A slash command. One small class per command, found through the {@link CommandRegistry}. */
public interface Command {
    /** The command without slash, lower case: "start". */
    String name();

    /** Who may use it and sees it in /help and the command menu. */
    Role audience();

    /** Where it can be used. */
    default Where where() {
        return Where.PRIVATE;
    }

    /** Bundle key of the one-line description shown in /help and in Telegram's command menu. */
    default String descriptionKey() {
        return "command." + name();
    }

    void handle(Context context) throws Exception;

    /** The chats a command belongs to. */
    enum Where { PRIVATE, GROUP, ANYWHERE }
}
