package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Chats and their members: getChat, getChatMember, getChatAdministrators, getChatMemberCount, banChatMember,
 * unbanChatMember, restrictChatMember, leaveChat.
 */
final class MemberMethods implements MethodRegistry.Group {
    private static final String NO_RESTRICT_RIGHTS = "not enough rights to restrict/unrestrict chat member";
    private static final String PRIVATE_CHAT = "chat member status can't be changed in private chats";

    private final World world;

    MemberMethods(World world) {
        this.world = world;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("getChat", this::getChat);
        registry.add("getChatMember", this::getChatMember);
        registry.add("getChatAdministrators", this::getChatAdministrators);
        registry.add("getChatMemberCount", this::getChatMemberCount);
        registry.add("banChatMember", this::banChatMember);
        registry.add("unbanChatMember", this::unbanChatMember);
        registry.add("restrictChatMember", this::restrictChatMember);
        registry.add("leaveChat", this::leaveChat);
    }

    private JsonNode getChat(Params params) {
        synchronized (world) {
            return ApiObjects.chatFullInfo(world, visibleChat(params));
        }
    }

    private JsonNode getChatMember(Params params) {
        synchronized (world) {
            ChatState chat = visibleChat(params);
            long userId = params.requireLong("user_id", "user_id is empty");
            if (!world.knowsUser(userId)) {
                throw ApiError.badRequest("user not found");
            }
            return ApiObjects.member(world, world.membership(chat, userId));
        }
    }

    private JsonNode getChatAdministrators(Params params) {
        synchronized (world) {
            ChatState chat = visibleChat(params);
            if (!chat.kind().isGroup()) {
                throw ApiError.badRequest("there are no administrators in the private chat");
            }
            ArrayNode admins = Json.array();
            chat.members().stream().filter(member -> member.status().isAdmin())
                    .forEach(member -> admins.add(ApiObjects.member(world, member)));
            return admins;
        }
    }

    private JsonNode getChatMemberCount(Params params) {
        synchronized (world) {
            ChatState chat = visibleChat(params);
            if (!chat.kind().isGroup()) {
                return IntNode.valueOf(2);
            }
            return IntNode.valueOf((int) chat.members().stream().filter(m -> m.status().isInChat()).count());
        }
    }

    private JsonNode banChatMember(Params params) {
        synchronized (world) {
            ChatState chat = groupToModerate(params);
            Membership target = removableMember(chat, params);
            long until = params.longValue("until_date").orElse(0L);
            chat.setMember(new Membership(target.userId(), MemberStatus.KICKED, AdminRights.none(), Json.object(),
                    until));
            chat.pendingJoinRequests().remove(target.userId());
            return BooleanNode.TRUE;
        }
    }

    /** Without only_if_banned Telegram also removes a current member, so that they can join again. */
    private JsonNode unbanChatMember(Params params) {
        synchronized (world) {
            ChatState chat = groupToModerate(params);
            long userId = params.requireLong("user_id", "user_id is empty");
            MemberStatus status = world.membership(chat, userId).status();
            boolean onlyIfBanned = params.flag("only_if_banned");
            if (status == MemberStatus.KICKED || (!onlyIfBanned && status.isInChat())) {
                removableMember(chat, params);
                chat.setMember(Membership.of(userId, MemberStatus.LEFT));
            }
            return BooleanNode.TRUE;
        }
    }

    private JsonNode restrictChatMember(Params params) {
        synchronized (world) {
            ChatState chat = groupToModerate(params);
            if (chat.kind() != ChatKind.SUPERGROUP) {
                throw ApiError.badRequest("method is available only for supergroups");
            }
            JsonNode permissions = params.json("permissions").filter(JsonNode::isObject)
                    .orElseThrow(() -> ApiError.badRequest("parameter \"permissions\" is required"));
            Membership target = removableMember(chat, params);
            boolean allAllowed = permissions.size() > 0 && permissions.properties().stream()
                    .allMatch(field -> field.getValue().asBoolean(false));
            if (allAllowed) {
                chat.setMember(Membership.of(target.userId(), MemberStatus.MEMBER));
            } else {
                chat.setMember(new Membership(target.userId(), MemberStatus.RESTRICTED, AdminRights.none(),
                        (ObjectNode) permissions, params.longValue("until_date").orElse(0L)));
            }
            return BooleanNode.TRUE;
        }
    }

    private JsonNode leaveChat(Params params) {
        synchronized (world) {
            ChatState chat = world.resolveChat(params);
            if (!chat.kind().isGroup()) {
                throw ApiError.badRequest(PRIVATE_CHAT);
            }
            world.checkBotPresent(chat);
            chat.setMember(Membership.of(world.bot().id(), MemberStatus.LEFT));
            return BooleanNode.TRUE;
        }
    }

    /** A chat the bot can still see: a group it was removed from answers 403. */
    private ChatState visibleChat(Params params) {
        ChatState chat = world.resolveChat(params);
        if (chat.kind().isGroup()) {
            world.checkBotPresent(chat);
        }
        return chat;
    }

    private ChatState groupToModerate(Params params) {
        ChatState chat = world.resolveChat(params);
        if (!chat.kind().isGroup()) {
            throw ApiError.badRequest(PRIVATE_CHAT);
        }
        world.checkBotRight(chat, AdminRights.Right.RESTRICT_MEMBERS, NO_RESTRICT_RIGHTS);
        return chat;
    }

    /** The member named by user_id, refusing owners and other administrators as Telegram does. */
    private Membership removableMember(ChatState chat, Params params) {
        long userId = params.requireLong("user_id", "user_id is empty");
        if (!world.knowsUser(userId)) {
            throw ApiError.badRequest("PARTICIPANT_ID_INVALID");
        }
        Membership target = world.membership(chat, userId);
        if (target.status() == MemberStatus.CREATOR) {
            throw ApiError.badRequest("can't remove chat owner");
        }
        if (target.status() == MemberStatus.ADMINISTRATOR) {
            throw ApiError.badRequest("user is an administrator of the chat");
        }
        return target;
    }
}
