package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** Invite links and join requests: createChatInviteLink, revokeChatInviteLink, approve/declineChatJoinRequest. */
final class InviteMethods implements MethodRegistry.Group {
    private static final String NO_LINK_RIGHTS = "not enough rights to manage chat invite link";

    private final World world;

    InviteMethods(World world) {
        this.world = world;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("createChatInviteLink", this::createChatInviteLink);
        registry.add("revokeChatInviteLink", this::revokeChatInviteLink);
        registry.add("approveChatJoinRequest", params -> answerJoinRequest(params, true));
        registry.add("declineChatJoinRequest", params -> answerJoinRequest(params, false));
    }

    private JsonNode createChatInviteLink(Params params) {
        synchronized (world) {
            ChatState chat = group(params);
            world.checkBotRight(chat, AdminRights.Right.INVITE_USERS, NO_LINK_RIGHTS);
            String name = params.text("name").orElse("");
            if (name.codePointCount(0, name.length()) > 32) {
                throw ApiError.badRequest("invite link name is too long");
            }
            boolean createsJoinRequest = params.flag("creates_join_request");
            int memberLimit = params.intValue("member_limit").orElse(0);
            if (createsJoinRequest && memberLimit > 0) {
                throw ApiError.badRequest(
                        "member limit can't be specified for links requiring administrator approval");
            }
            if (memberLimit < 0 || memberLimit > 99_999) {
                throw ApiError.badRequest("member limit must be between 1 and 99999");
            }
            InviteLink link = new InviteLink(world.newInviteLink(), chat.id(), name, createsJoinRequest,
                    params.longValue("expire_date").orElse(0L), memberLimit, false);
            chat.inviteLinks().put(link.inviteLink(), link);
            return ApiObjects.inviteLink(world, link);
        }
    }

    private JsonNode revokeChatInviteLink(Params params) {
        synchronized (world) {
            ChatState chat = group(params);
            world.checkBotRight(chat, AdminRights.Right.INVITE_USERS, NO_LINK_RIGHTS);
            String url = params.text("invite_link").orElseThrow(() -> ApiError.badRequest("invite_link is empty"));
            InviteLink link = chat.inviteLinks().get(url);
            if (link == null) {
                throw ApiError.badRequest("INVITE_HASH_EXPIRED");
            }
            InviteLink revoked = link.revoke();
            chat.inviteLinks().put(url, revoked);
            return ApiObjects.inviteLink(world, revoked);
        }
    }

    private JsonNode answerJoinRequest(Params params, boolean approve) {
        synchronized (world) {
            ChatState chat = group(params);
            world.checkBotRight(chat, AdminRights.Right.INVITE_USERS, "CHAT_ADMIN_REQUIRED");
            long userId = params.requireLong("user_id", "user_id is empty");
            if (chat.pendingJoinRequests().remove(userId) == null) {
                throw ApiError.badRequest("HIDE_REQUESTER_MISSING");
            }
            if (approve) {
                chat.setMember(Membership.of(userId, MemberStatus.MEMBER));
            }
            return BooleanNode.TRUE;
        }
    }

    private ChatState group(Params params) {
        ChatState chat = world.resolveChat(params);
        if (!chat.kind().isGroup()) {
            throw ApiError.badRequest("can't invite members to a private chat");
        }
        return chat;
    }
}
