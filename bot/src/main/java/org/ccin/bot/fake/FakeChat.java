package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A chat of the fake: a private chat (id = the user's id), a group or a supergroup. Guarded by the state. */
final class FakeChat {
    final long id;
    final String type;
    final String title;
    final boolean forum;
    /** user id → status: creator, administrator, member, restricted, left, kicked */
    final Map<Long, String> members = new LinkedHashMap<>();
    /** user id → administrator rights (can_invite_users, can_restrict_members, …) */
    final Map<Long, ObjectNode> rights = new LinkedHashMap<>();
    Long migratedTo;
    int nextMessageId = 1;

    FakeChat(long id, String type, String title, boolean forum) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.forum = forum;
    }

    boolean isPrivate() {
        return "private".equals(type);
    }
}
