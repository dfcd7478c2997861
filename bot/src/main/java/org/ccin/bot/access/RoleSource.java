package org.ccin.bot.access;

import java.util.Set;

/** One way of holding roles; features that create roles (leads, moderators) each provide one. */
@FunctionalInterface
public interface RoleSource {
    Set<Role> rolesOf(long telegramUserId);
}
