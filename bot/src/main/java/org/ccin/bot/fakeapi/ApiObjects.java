package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON of the Bot API objects built from the world's state: ChatMember, ChatInviteLink, ChatFullInfo. */
final class ApiObjects {
    /** Every field of {@code ChatPermissions} that a restricted {@code ChatMember} repeats. */
    private static final String[] PERMISSIONS = {"can_send_messages", "can_send_audios", "can_send_documents",
        "can_send_photos", "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls",
        "can_send_other_messages", "can_add_web_page_previews", "can_change_info", "can_invite_users",
        "can_pin_messages", "can_manage_topics"};

    private ApiObjects() {
    }

    static ObjectNode member(World world, Membership membership) {
        ObjectNode json = Json.object().put("status", membership.status().apiName());
        json.set("user", world.userJson(membership.userId()));
        switch (membership.status()) {
            case CREATOR -> json.put("is_anonymous", false);
            case ADMINISTRATOR -> {
                json.put("can_be_edited", false).put("is_anonymous", false);
                membership.rights().writeTo(json);
            }
            case RESTRICTED -> {
                json.put("is_member", true);
                for (String permission : PERMISSIONS) {
                    json.put(permission, membership.permissions().path(permission).asBoolean(false));
                }
                json.put("until_date", membership.untilDate());
            }
            case KICKED -> json.put("until_date", membership.untilDate());
            default -> {
            }
        }
        return json;
    }

    static ObjectNode inviteLink(World world, InviteLink link) {
        ObjectNode json = Json.object().put("invite_link", link.inviteLink());
        json.set("creator", world.bot().toJson());
        json.put("creates_join_request", link.createsJoinRequest()).put("is_primary", false)
                .put("is_revoked", link.revoked());
        if (!link.name().isEmpty()) {
            json.put("name", link.name());
        }
        if (link.expireDate() > 0) {
            json.put("expire_date", link.expireDate());
        }
        if (link.memberLimit() > 0) {
            json.put("member_limit", link.memberLimit());
        }
        return json;
    }

    /** {@code getChat}: the chat with the fields {@code ChatFullInfo} requires. */
    static ObjectNode chatFullInfo(World world, ChatState chat) {
        ObjectNode json = world.chatJson(chat);
        json.put("accent_color_id", 0).put("max_reaction_count", 11);
        json.putObject("accepted_gift_types").put("unlimited_gifts", false).put("limited_gifts", false)
                .put("unique_gifts", false).put("premium_subscription", false);
        if (chat.kind().isGroup()) {
            // members may write and share, as in a new group; changing the group is for administrators
            ObjectNode permissions = json.putObject("permissions");
            for (String permission : PERMISSIONS) {
                boolean adminOnly = permission.equals("can_change_info") || permission.equals("can_pin_messages");
                permissions.put(permission, !adminOnly);
            }
        }
        return json;
    }
}
