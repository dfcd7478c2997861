package org.ccin.bot.groups;

import java.util.EnumSet;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.access.RoleSource;
import org.ccin.store.groups.GroupRepository;

/** Moderators: the administrators of a registered group (kept in step by chat_member updates and registration). */
final class ModeratorRoles implements RoleSource {
    private final GroupRepository groups;

    ModeratorRoles(GroupRepository groups) {
        this.groups = groups;
    }

    @Override
    public Set<Role> rolesOf(long telegramUserId) {
        return groups.moderatesAny(telegramUserId) ? EnumSet.of(Role.MODERATOR) : EnumSet.noneOf(Role.class);
    }
}
