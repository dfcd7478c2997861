package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the fake Telegram knows: users, chats, their messages, pending join requests, invite links, the command
 * menus and who blocked the bot. Every method is synchronized on the world.
 */
final class FakeWorld {
    final ObjectMapper json = new ObjectMapper();
    final long botId;
    final String botUsername;
    private final Clock clock;
    private final Map<Long, FakeUser> users = new LinkedHashMap<>();
    private final Map<Long, FakeChat> chats = new LinkedHashMap<>();
    private final Map<Long, TreeMap<Integer, FakeMessage>> messages = new HashMap<>();
    private final Set<Long> blockedBy = new java.util.HashSet<>();
    /** chat id → user id → the join request JSON, while pending */
    private final Map<Long, Map<Long, ObjectNode>> joinRequests = new HashMap<>();
    private final Map<String, ObjectNode> inviteLinks = new LinkedHashMap<>();
    private final Map<String, JsonNode> commandMenus = new LinkedHashMap<>();
    private final List<ObjectNode> inlineAnswers = new ArrayList<>();
    private int nextLink = 1;

    FakeWorld(long botId, String botUsername, Clock clock) {
        this.botId = botId;
        this.botUsername = botUsername;
        this.clock = clock;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    // ------------------------------------------------------------------ users and chats

    synchronized FakeUser addUser(FakeUser user) {
        users.put(user.id(), user);
        chats.computeIfAbsent(user.id(), id -> new FakeChat(id, "private", null, false));
        return user;
    }

    synchronized Optional<FakeUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized void addGroup(long chatId, String title, boolean supergroup, boolean forum, ObjectNode botRights) {
        FakeChat chat = new FakeChat(chatId, supergroup ? "supergroup" : "group", title, forum);
        chat.members.put(botId, "administrator");
        chat.rights.put(botId, botRights);
        chats.put(chatId, chat);
    }

    synchronized FakeChat chat(long id) {
        FakeChat chat = chats.get(id);
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        return chat;
    }

    synchronized Optional<FakeChat> findChat(long id) {
        return Optional.ofNullable(chats.get(id));
    }

    /** A chat the bot may write to, or the error Telegram would give. */
    synchronized FakeChat writableChat(long id) {
        FakeChat chat = chat(id);
        if (chat.isPrivate() && blockedBy.contains(id)) {
            throw new ApiError(403, "Forbidden: bot was blocked by the user");
        }
        if (chat.migratedTo != null) {
            ObjectNode parameters = json.createObjectNode().put("migrate_to_chat_id", chat.migratedTo);
            throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters);
        }
        if (!chat.isPrivate() && !"administrator".equals(chat.members.get(botId))
                && !"member".equals(chat.members.get(botId))) {
            throw new ApiError(403, "Forbidden: bot was kicked from the " + chat.type + " chat");
        }
        return chat;
    }

    synchronized void setMember(long chatId, long userId, String status) {
        chat(chatId).members.put(userId, status);
    }

    synchronized void setRights(long chatId, long userId, String status, ObjectNode rights) {
        FakeChat chat = chat(chatId);
        chat.members.put(userId, status);
        chat.rights.put(userId, rights);
    }

    synchronized String memberStatus(long chatId, long userId) {
        return chat(chatId).members.getOrDefault(userId, "left");
    }

    synchronized void migrate(long fromChatId, long toChatId) {
        FakeChat old = chat(fromChatId);
        FakeChat fresh = new FakeChat(toChatId, "supergroup", old.title, false);
        fresh.members.putAll(old.members);
        fresh.rights.putAll(old.rights);
        chats.put(toChatId, fresh);
        old.migratedTo = toChatId;
    }

    synchronized void block(long userId, boolean blocked) {
        if (blocked) {
            blockedBy.add(userId);
        } else {
            blockedBy.remove(userId);
        }
    }

    // ------------------------------------------------------------------ messages

    synchronized FakeMessage addMessage(long chatId, long fromUserId, boolean fromBot, String text, JsonNode markup,
                                        Optional<Integer> threadId, Optional<String> fileName) {
        FakeChat chat = chat(chatId);
        FakeMessage message = new FakeMessage(chatId, chat.nextMessageId++, fromUserId, fromBot, text, markup,
                threadId, fileName, now());
        messages.computeIfAbsent(chatId, id -> new TreeMap<>()).put(message.messageId(), message);
        return message;
    }

    synchronized Optional<FakeMessage> message(long chatId, int messageId) {
        return Optional.ofNullable(messages.getOrDefault(chatId, new TreeMap<>()).get(messageId));
    }

    synchronized void replace(FakeMessage message) {
        messages.get(message.chatId()).put(message.messageId(), message);
    }

    synchronized boolean delete(long chatId, int messageId) {
        TreeMap<Integer, FakeMessage> inChat = messages.get(chatId);
        return inChat != null && inChat.remove(messageId) != null;
    }

    synchronized List<FakeMessage> messages(long chatId) {
        return new ArrayList<>(messages.getOrDefault(chatId, new TreeMap<>()).values());
    }

    // ------------------------------------------------------------------ join requests and links

    synchronized void addJoinRequest(long chatId, long userId, ObjectNode request) {
        joinRequests.computeIfAbsent(chatId, id -> new HashMap<>()).put(userId, request);
    }

    synchronized boolean resolveJoinRequest(long chatId, long userId, boolean approve) {
        Map<Long, ObjectNode> pending = joinRequests.get(chatId);
        if (pending == null || pending.remove(userId) == null) {
            return false;
        }
        if (approve) {
            chat(chatId).members.put(userId, "member");
        }
        return true;
    }

    synchronized boolean hasJoinRequest(long chatId, long userId) {
        return joinRequests.getOrDefault(chatId, Map.of()).containsKey(userId);
    }

    synchronized ObjectNode createInviteLink(long chatId, ObjectNode params) {
        ObjectNode link = json.createObjectNode();
        link.put("invite_link", "https://t.me/+fake" + Long.toString(Math.abs(chatId), 36) + "x" + nextLink++);
        link.set("creator", userJson(botId));
        link.put("creates_join_request", params.path("creates_join_request").asBoolean(false));
        link.put("is_primary", false);
        link.put("is_revoked", false);
        if (params.has("name")) {
            link.put("name", params.get("name").asText());
        }
        if (params.has("expire_date")) {
            link.put("expire_date", params.get("expire_date").asLong());
        }
        if (params.has("member_limit")) {
            link.put("member_limit", params.get("member_limit").asInt());
        }
        link.put("chat_id_for_fake", chatId);
        inviteLinks.put(link.get("invite_link").asText(), link);
        return link;
    }

    synchronized Optional<ObjectNode> inviteLink(String url) {
        return Optional.ofNullable(inviteLinks.get(url));
    }

    synchronized List<ObjectNode> inviteLinks() {
        return new ArrayList<>(inviteLinks.values());
    }

    // ------------------------------------------------------------------ menus and inline answers

    synchronized void setCommands(String key, JsonNode commands) {
        if (commands == null) {
            commandMenus.remove(key);
        } else {
            commandMenus.put(key, commands);
        }
    }

    synchronized Map<String, JsonNode> commandMenus() {
        return new LinkedHashMap<>(commandMenus);
    }

    synchronized void addInlineAnswer(ObjectNode answer) {
        inlineAnswers.add(answer);
    }

    // ------------------------------------------------------------------ JSON of Bot API objects

    synchronized ObjectNode userJson(long userId) {
        ObjectNode node = json.createObjectNode();
        if (userId == botId) {
            node.put("id", botId).put("is_bot", true).put("first_name", "CCIN bot").put("username", botUsername);
            return node;
        }
        FakeUser user = users.get(userId);
        node.put("id", userId).put("is_bot", false);
        node.put("first_name", user == null ? "User " + userId : user.firstName());
        if (user != null && user.username() != null) {
            node.put("username", user.username());
        }
        if (user != null && user.languageCode() != null) {
            node.put("language_code", user.languageCode());
        }
        return node;
    }

    synchronized ObjectNode chatJson(long chatId) {
        FakeChat chat = chat(chatId);
        ObjectNode node = json.createObjectNode().put("id", chat.id).put("type", chat.type);
        if (chat.isPrivate()) {
            FakeUser user = users.get(chatId);
            node.put("first_name", user == null ? "User" : user.firstName());
            if (user != null && user.username() != null) {
                node.put("username", user.username());
            }
        } else {
            node.put("title", chat.title);
            if (chat.forum) {
                node.put("is_forum", true);
            }
        }
        return node;
    }

    synchronized ObjectNode messageJson(FakeMessage message) {
        ObjectNode node = json.createObjectNode();
        node.put("message_id", message.messageId());
        node.set("from", userJson(message.fromBot() ? botId : message.fromUserId()));
        node.set("chat", chatJson(message.chatId()));
        node.put("date", message.date());
        message.threadId().ifPresent(t -> node.put("message_thread_id", t).put("is_topic_message", true));
        if (message.fileName().isPresent()) {
            node.set("document", json.createObjectNode().put("file_id", "file-" + message.messageId())
                    .put("file_unique_id", "u" + message.messageId()).put("file_name", message.fileName().get()));
            if (message.text() != null && !message.text().isEmpty()) {
                node.put("caption", message.text());
            }
        } else if (message.text() != null) {
            node.put("text", message.text());
            if (message.text().startsWith("/") && !message.fromBot()) {
                int length = message.text().split("\\s", 2)[0].length();
                ArrayNode entities = node.putArray("entities");
                entities.addObject().put("type", "bot_command").put("offset", 0).put("length", length);
            }
        }
        if (message.replyMarkup() != null && !message.replyMarkup().isNull()) {
            node.set("reply_markup", message.replyMarkup());
        }
        return node;
    }

    synchronized ObjectNode memberJson(long chatId, long userId) {
        FakeChat chat = chat(chatId);
        String status = chat.members.getOrDefault(userId, "left");
        ObjectNode node = json.createObjectNode().put("status", status);
        node.set("user", userJson(userId));
        ObjectNode rights = chat.rights.get(userId);
        if ("administrator".equals(status)) {
            node.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_delete_messages", false).put("can_manage_video_chats", false)
                    .put("can_restrict_members", false).put("can_promote_members", false)
                    .put("can_change_info", false).put("can_invite_users", false).put("can_post_stories", false)
                    .put("can_edit_stories", false).put("can_delete_stories", false);
            if (rights != null) {
                node.setAll(rights);
            }
        }
        if ("restricted".equals(status)) {
            node.put("is_member", true).put("can_send_messages", false).put("until_date", 0);
        }
        if ("kicked".equals(status)) {
            node.put("until_date", 0);
        }
        return node;
    }
}
