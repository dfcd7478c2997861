package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One user's (or the bot's) standing in a group.
 *
 * @param permissions for {@link MemberStatus#RESTRICTED}: the {@code ChatPermissions} given; else empty
 * @param untilDate   Unix time a ban or restriction ends, 0 for forever
 */
record Membership(long userId, MemberStatus status, AdminRights rights, ObjectNode permissions, long untilDate) {

    Membership {
        permissions = permissions.deepCopy();
    }

    static Membership of(long userId, MemberStatus status) {
        AdminRights rights = status == MemberStatus.CREATOR ? AdminRights.all() : AdminRights.none();
        return new Membership(userId, status, rights, Json.object(), 0);
    }

    static Membership admin(long userId, AdminRights rights) {
        return new Membership(userId, MemberStatus.ADMINISTRATOR, rights, Json.object(), 0);
    }

    boolean can(AdminRights.Right right) {
        return status == MemberStatus.CREATOR || (status == MemberStatus.ADMINISTRATOR && rights.has(right));
    }
}
