package org.ccin.bot.routing;

import org.ccin.bot.access.Role;

/**
 * A command's name, audience and chats, given once to the constructor (as Together-Java's SlashCommandAdapter does),
 * so that a command class holds only what it does.
 */
public abstract class CommandAdapter implements Command {
    private final String name;
    private final Role audience;
    private final Where where;

    protected CommandAdapter(String name, Role audience, Where where) {
        this.name = name;
        this.audience = audience;
        this.where = where;
    }

    /** A command of private chats. */
    protected CommandAdapter(String name, Role audience) {
        this(name, audience, Where.PRIVATE);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Role audience() {
        return audience;
    }

    @Override
    public final Where where() {
        return where;
    }
}
