package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Bot API methods the fake implements, on its {@link FakeWorld}, with Telegram's validation and errors.
 * A method not listed here answers 404, so that a gap shows instead of a silent success.
 */
final class BotMethods {
    /** Methods that put a message in a chat: counted against rate limits and subject to send faults. */
    static final Set<String> SENDING = Set.of("sendmessage", "senddocument", "sendphoto", "editmessagetext",
            "editmessagereplymarkup", "editmessagecaption", "copymessage", "forwardmessage");

    @FunctionalInterface
    interface Method {
        JsonNode call(ObjectNode params);
    }

    private final FakeWorld world;
    private final Map<String, Method> methods = new HashMap<>();

    BotMethods(FakeWorld world) {
        this.world = world;
        methods.put("getme", p -> world.userJson(world.botId).put("can_join_groups", true)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", true));
        methods.put("sendmessage", this::sendMessage);
        methods.put("editmessagetext", this::editMessageText);
        methods.put("editmessagereplymarkup", this::editMessageReplyMarkup);
        methods.put("deletemessage", this::deleteMessage);
        methods.put("senddocument", p -> sendFile(p, "document"));
        methods.put("sendphoto", p -> sendFile(p, "photo"));
        methods.put("answercallbackquery", p -> {
            required(p, "callback_query_id");
            return BooleanNode.TRUE;
        });
        methods.put("answerinlinequery", p -> {
            required(p, "inline_query_id");
            world.addInlineAnswer(p);
            return BooleanNode.TRUE;
        });
        methods.put("setmycommands", p -> {
            world.setCommands(menuKey(p), p.get("commands"));
            return BooleanNode.TRUE;
        });
        methods.put("deletemycommands", p -> {
            world.setCommands(menuKey(p), null);
            return BooleanNode.TRUE;
        });
        methods.put("getmycommands", p -> Optional.ofNullable(world.commandMenus().get(menuKey(p)))
                .orElse(world.json.createArrayNode()));
        methods.put("createchatinvitelink", this::createInviteLink);
        methods.put("revokechatinvitelink", this::revokeInviteLink);
        methods.put("approvechatjoinrequest", p -> resolveJoinRequest(p, true));
        methods.put("declinechatjoinrequest", p -> resolveJoinRequest(p, false));
        methods.put("banchatmember", p -> setStatus(p, "kicked"));
        methods.put("unbanchatmember", p -> {
            long chat = number(p, "chat_id");
            long user = number(p, "user_id");
            if (!p.path("only_if_banned").asBoolean(false) || "kicked".equals(world.memberStatus(chat, user))) {
                world.setMember(chat, user, "left");
            }
            return BooleanNode.TRUE;
        });
        methods.put("restrictchatmember", p -> setStatus(p, "restricted"));
        methods.put("getchatmember", p -> world.memberJson(number(p, "chat_id"), number(p, "user_id")));
        methods.put("getchatadministrators", this::administrators);
        methods.put("getchat", this::getChat);
        methods.put("getchatmembercount", p -> IntNode.valueOf((int) world.chat(number(p, "chat_id")).members.values()
                .stream().filter(s -> Set.of("creator", "administrator", "member", "restricted").contains(s)).count()));
        methods.put("leavechat", p -> {
            world.setMember(number(p, "chat_id"), world.botId, "left");
            return BooleanNode.TRUE;
        });
        methods.put("setchatmenubutton", p -> BooleanNode.TRUE);
    }

    Optional<Method> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    // ------------------------------------------------------------------ messages

    private JsonNode sendMessage(ObjectNode p) {
        long chatId = number(p, "chat_id");
        String text = p.path("text").asText("");
        if (text.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        if (text.codePointCount(0, text.length()) > 4096) {
            throw ApiError.badRequest("message is too long");
        }
        JsonNode markup = markup(p);
        world.writableChat(chatId);
        FakeMessage message = world.addMessage(chatId, world.botId, true, text, markup, threadId(p), Optional.empty());
        return world.messageJson(message);
    }

    private JsonNode sendFile(ObjectNode p, String field) {
        long chatId = number(p, "chat_id");
        String caption = p.path("caption").asText("");
        if (caption.codePointCount(0, caption.length()) > 1024) {
            throw ApiError.badRequest("message caption is too long");
        }
        String fileName = p.path("_file_name").asText(p.path(field).asText(field));
        world.writableChat(chatId);
        FakeMessage message = world.addMessage(chatId, world.botId, true, caption, markup(p), threadId(p),
                Optional.of(fileName));
        return world.messageJson(message);
    }

    private JsonNode editMessageText(ObjectNode p) {
        long chatId = number(p, "chat_id");
        String text = p.path("text").asText("");
        if (text.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        if (text.codePointCount(0, text.length()) > 4096) {
            throw ApiError.badRequest("MESSAGE_TOO_LONG");
        }
        return edit(chatId, (int) number(p, "message_id"), text, markup(p));
    }

    private JsonNode editMessageReplyMarkup(ObjectNode p) {
        long chatId = number(p, "chat_id");
        int messageId = (int) number(p, "message_id");
        FakeMessage existing = world.message(chatId, messageId)
                .orElseThrow(() -> ApiError.badRequest("message to edit not found"));
        return edit(chatId, messageId, existing.text(), markup(p));
    }

    private JsonNode edit(long chatId, int messageId, String text, JsonNode markup) {
        world.writableChat(chatId);
        FakeMessage existing = world.message(chatId, messageId)
                .orElseThrow(() -> ApiError.badRequest("message to edit not found"));
        if (!existing.fromBot()) {
            throw ApiError.badRequest("message can't be edited");
        }
        JsonNode oldMarkup = existing.replyMarkup() == null ? null : existing.replyMarkup();
        boolean sameMarkup = oldMarkup == null ? markup == null || Keyboards.texts(markup).isEmpty()
                : oldMarkup.equals(markup);
        if (existing.text().equals(text) && sameMarkup) {
            throw ApiError.badRequest("message is not modified: specified new message content and reply markup "
                    + "are exactly the same as a current content and reply markup of the message");
        }
        FakeMessage edited = existing.edited(text, markup);
        world.replace(edited);
        return world.messageJson(edited);
    }

    private JsonNode deleteMessage(ObjectNode p) {
        if (!world.delete(number(p, "chat_id"), (int) number(p, "message_id"))) {
            throw ApiError.badRequest("message to delete not found");
        }
        return BooleanNode.TRUE;
    }

    // ------------------------------------------------------------------ groups

    private JsonNode createInviteLink(ObjectNode p) {
        long chatId = number(p, "chat_id");
        FakeChat chat = world.writableChat(chatId);
        if (!hasRight(chat, "can_invite_users")) {
            throw ApiError.badRequest("not enough rights to manage chat invite link");
        }
        ObjectNode link = world.createInviteLink(chatId, p).deepCopy();
        link.remove("chat_id_for_fake");
        return link;
    }

    private JsonNode revokeInviteLink(ObjectNode p) {
        String url = required(p, "invite_link");
        ObjectNode link = world.inviteLink(url).orElseThrow(() -> ApiError.badRequest("INVITE_HASH_EXPIRED"));
        link.put("is_revoked", true);
        ObjectNode copy = link.deepCopy();
        copy.remove("chat_id_for_fake");
        return copy;
    }

    private JsonNode resolveJoinRequest(ObjectNode p, boolean approve) {
        if (!world.resolveJoinRequest(number(p, "chat_id"), number(p, "user_id"), approve)) {
            throw ApiError.badRequest("HIDE_REQUESTER_MISSING");
        }
        return BooleanNode.TRUE;
    }

    private JsonNode setStatus(ObjectNode p, String status) {
        long chatId = number(p, "chat_id");
        FakeChat chat = world.writableChat(chatId);
        if (!hasRight(chat, "can_restrict_members")) {
            throw ApiError.badRequest("not enough rights to restrict/unrestrict chat member");
        }
        world.setMember(chatId, number(p, "user_id"), status);
        return BooleanNode.TRUE;
    }

    private boolean hasRight(FakeChat chat, String right) {
        ObjectNode rights = chat.rights.get(world.botId);
        return rights != null && rights.path(right).asBoolean(false);
    }

    private JsonNode administrators(ObjectNode p) {
        long chatId = number(p, "chat_id");
        FakeChat chat = world.chat(chatId);
        ArrayNode admins = world.json.createArrayNode();
        chat.members.forEach((user, status) -> {
            if (status.equals("administrator") || status.equals("creator")) {
                admins.add(world.memberJson(chatId, user));
            }
        });
        return admins;
    }

    private JsonNode getChat(ObjectNode p) {
        ObjectNode chat = world.chatJson(number(p, "chat_id"));
        chat.put("accent_color_id", 0).put("max_reaction_count", 11);
        return chat;
    }

    // ------------------------------------------------------------------ parameters

    private JsonNode markup(ObjectNode p) {
        JsonNode markup = p.get("reply_markup");
        if (markup == null || markup.isNull()) {
            return null;
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText("").isEmpty()) {
                    throw ApiError.badRequest("text buttons are unallowed in the inline keyboard");
                }
                if (button.has("callback_data")
                        && button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
                    throw ApiError.badRequest("BUTTON_DATA_INVALID");
                }
            }
        }
        return markup;
    }

    private static Optional<Integer> threadId(ObjectNode p) {
        JsonNode thread = p.get("message_thread_id");
        return thread == null || thread.isNull() ? Optional.empty() : Optional.of(thread.asInt());
    }

    private static String menuKey(ObjectNode p) {
        JsonNode scope = p.path("scope");
        String type = scope.path("type").asText("default");
        String chat = scope.has("chat_id") ? ":" + scope.get("chat_id").asText() : "";
        String language = p.path("language_code").asText("");
        return type + chat + (language.isEmpty() ? "" : "/" + language);
    }

    static String required(ObjectNode p, String name) {
        JsonNode value = p.get(name);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw ApiError.badRequest(name + " is empty");
        }
        return value.asText();
    }

    static long number(ObjectNode p, String name) {
        String text = required(p, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (name.equals("chat_id")) {
                throw ApiError.badRequest("chat not found");
            }
            throw ApiError.badRequest("invalid " + name);
        }
    }
}
