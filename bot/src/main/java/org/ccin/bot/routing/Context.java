package org.ccin.bot.routing;

import java.util.Set;
import java.util.function.Supplier;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;

/**
 * What a handler gets for one update: the update, the person's texts in their language, a way to reply, and their
 * roles (looked up when first asked). Not thread-safe: one handler uses it.
 */
public final class Context {
    private final Incoming incoming;
    private final Texts texts;
    private final Reply reply;
    private final Supplier<Set<Role>> rolesLookup;
    private Set<Role> roles;

    public Context(Incoming incoming, Texts texts, Reply reply, Supplier<Set<Role>> rolesLookup) {
        this.incoming = incoming;
        this.texts = texts;
        this.reply = reply;
        this.rolesLookup = rolesLookup;
    }

    public Incoming incoming() {
        return incoming;
    }

    public Texts texts() {
        return texts;
    }

    public Reply reply() {
        return reply;
    }

    public long userId() {
        return incoming.userId();
    }

    public Set<Role> roles() {
        if (roles == null) {
            roles = rolesLookup.get();
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }
}
