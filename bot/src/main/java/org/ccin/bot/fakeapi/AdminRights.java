package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/** The rights of a chat administrator (including the bot's own), as a set of granted rights. */
public record AdminRights(Set<Right> granted) {

    /** One administrator right, with its Bot API field name. */
    public enum Right {
        MANAGE_CHAT("can_manage_chat"),
        DELETE_MESSAGES("can_delete_messages"),
        MANAGE_VIDEO_CHATS("can_manage_video_chats"),
        RESTRICT_MEMBERS("can_restrict_members"),
        PROMOTE_MEMBERS("can_promote_members"),
        CHANGE_INFO("can_change_info"),
        INVITE_USERS("can_invite_users"),
        POST_STORIES("can_post_stories"),
        EDIT_STORIES("can_edit_stories"),
        DELETE_STORIES("can_delete_stories"),
        PIN_MESSAGES("can_pin_messages"),
        MANAGE_TOPICS("can_manage_topics");

        private final String field;

        Right(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public AdminRights {
        granted = granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted));
    }

    public static AdminRights all() {
        return new AdminRights(EnumSet.allOf(Right.class));
    }

    public static AdminRights none() {
        return new AdminRights(Set.of());
    }

    public static AdminRights of(Right... rights) {
        return new AdminRights(rights.length == 0 ? Set.of() : EnumSet.of(rights[0], rights));
    }

    public boolean has(Right right) {
        return granted.contains(right);
    }

    public AdminRights without(Right right) {
        EnumSet<Right> rights = granted.isEmpty() ? EnumSet.noneOf(Right.class) : EnumSet.copyOf(granted);
        rights.remove(right);
        return new AdminRights(rights);
    }

    /** Writes every right as a boolean field, as {@code ChatMemberAdministrator} requires. */
    void writeTo(ObjectNode member) {
        for (Right right : Right.values()) {
            member.put(right.field(), has(right));
        }
    }
}
