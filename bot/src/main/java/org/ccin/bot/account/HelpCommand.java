package org.ccin.bot.account;

import java.util.Set;
import java.util.function.Supplier;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.CommandRegistry;
import org.ccin.bot.routing.Context;

/**
 * /help: that plain-word questions are answered (in a private chat), then the commands this person may use here, each
 * with one line; staff and leads see theirs too.
 */
final class HelpCommand extends CommandAdapter {
    private final Supplier<CommandRegistry> commands;

    public HelpCommand(Supplier<CommandRegistry> commands) {
        super("help", Role.EVERYONE, Where.ANYWHERE);
        this.commands = commands;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        Set<Role> roles = context.roles();
        boolean privateChat = context.incoming().isPrivateChat();
        StringBuilder text = new StringBuilder(texts.get(privateChat ? "help.intro" : "help.intro.group"));
        if (privateChat) {
            // questions in plain words are answered in a private chat only: in groups the bot keeps quiet
            text.append("\n").append(texts.get("help.ask"));
        }
        for (Role section : Role.values()) {
            if (!roles.contains(section)) {
                continue;
            }
            StringBuilder lines = new StringBuilder();
            for (Command command : commands.get().all()) {
                boolean fits = privateChat ? command.where() != Where.GROUP : command.where() != Where.PRIVATE;
                if (command.audience() == section && fits) {
                    lines.append("\n/").append(command.name()).append(" – ").append(texts.get(command.descriptionKey()));
                }
            }
            if (lines.length() > 0) {
                text.append("\n\n<b>").append(texts.get("help.section." + section.name().toLowerCase()))
                        .append("</b>").append(lines);
            }
        }
        if (privateChat && !roles.contains(Role.MEMBER)) {
            text.append("\n\n").append(texts.get("help.register.hint"));
        }
        context.reply().send(text.toString());
    }
}
