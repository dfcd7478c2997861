package org.ccin.bot.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ccin.config.BotConfig;
import org.ccin.store.members.MemberRepository;

/**
 * The roles of a Telegram user, read fresh from configuration and database for every check: a button or command is
 * authorised when it is used, not when it was shown. Thread-safe.
 */
public final class RoleResolver {
    private final BotConfig config;
    private final MemberRepository members;
    private final List<RoleSource> sources;

    public RoleResolver(BotConfig config, MemberRepository members, List<RoleSource> sources) {
        this.config = config;
        this.members = members;
        this.sources = List.copyOf(sources);
    }

    public Set<Role> rolesOf(long telegramUserId) {
        Set<Role> roles = EnumSet.of(Role.EVERYONE);
        if (config.isStaff(telegramUserId)) {
            roles.add(Role.STAFF);
        }
        members.findByTelegramId(telegramUserId).filter(m -> m.isRegistered()).ifPresent(m -> roles.add(Role.MEMBER));
        for (RoleSource source : sources) {
            roles.addAll(source.rolesOf(telegramUserId));
        }
        return roles;
    }

    public boolean has(long telegramUserId, Role role) {
        return role == Role.EVERYONE || rolesOf(telegramUserId).contains(role);
    }
}
