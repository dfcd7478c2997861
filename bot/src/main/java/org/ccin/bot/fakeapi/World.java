package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The users, chats and messages of the fake, and the rules for reaching them. Every method locks the world;
 * a caller that needs several steps to be atomic (look up, check, store) holds {@code synchronized (world)}.
 */
final class World {
    private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final BotIdentity bot;
    private final Clock clock;
    private final Random random;
    private final Map<Long, UserState> users = new HashMap<>();
    private final Map<Long, ChatState> chats = new LinkedHashMap<>();
    /** file_id -> the Document/PhotoSize JSON the fake answered for it */
    private final Map<String, ObjectNode> files = new HashMap<>();
    private final Set<String> openCallbackQueries = new HashSet<>();
    private final Set<String> openInlineQueries = new HashSet<>();
    private final Set<String> inviteLinks = new HashSet<>();
    private long sequence;

    World(BotIdentity bot, Clock clock, long seed) {
        this.bot = bot;
        this.clock = clock;
        this.random = new Random(seed);
    }

    BotIdentity bot() {
        return bot;
    }

    /** Unix time now, as Telegram's {@code date} fields. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- users

    synchronized UserState registerUser(FakeUser user) {
        if (user.id() == bot.id()) {
            throw new IllegalArgumentException("user id " + user.id() + " is the bot's own id");
        }
        UserState state = users.computeIfAbsent(user.id(), id -> new UserState(user));
        state.update(user);
        return state;
    }

    synchronized Optional<UserState> user(long userId) {
        return Optional.ofNullable(users.get(userId));
    }

    /** For the Java API: an unknown user is a mistake in the test, so it fails loudly. */
    synchronized UserState requireUser(long userId) {
        return user(userId).orElseThrow(() -> new IllegalArgumentException(
                "unknown user " + userId + ": add it first (addUser, or a message from it)"));
    }

    synchronized boolean knowsUser(long userId) {
        return userId == bot.id() || users.containsKey(userId);
    }

    // ---- chats

    /** The private chat with a user, opened as when the user starts the bot. */
    synchronized ChatState openPrivateChat(FakeUser user) {
        registerUser(user).markReachable();
        return chats.computeIfAbsent(user.id(), id -> new ChatState(id, ChatKind.PRIVATE, "", false));
    }

    synchronized ChatState addGroup(long chatId, ChatKind kind, String title, boolean forum) {
        if (chatId >= 0 || !kind.isGroup()) {
            throw new IllegalArgumentException("a group's id is negative (supergroups: -100...): " + chatId);
        }
        if (chats.containsKey(chatId)) {
            throw new IllegalArgumentException("chat " + chatId + " exists already");
        }
        ChatState chat = new ChatState(chatId, kind, title, forum);
        // the groups a bot serves normally made it an administrator; tests take rights away when they need to
        chat.setMember(Membership.admin(bot.id(), AdminRights.all()));
        chats.put(chatId, chat);
        return chat;
    }

    synchronized Optional<ChatState> chat(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    synchronized ChatState requireChat(long chatId) {
        return chat(chatId).orElseThrow(() -> new IllegalArgumentException(
                "unknown chat " + chatId + ": add it first (addUser for a private chat, addGroup/addSupergroup)"));
    }

    synchronized ChatState requireGroup(long chatId) {
        ChatState chat = requireChat(chatId);
        if (!chat.kind().isGroup()) {
            throw new IllegalArgumentException("chat " + chatId + " is not a group");
        }
        return chat;
    }

    /** The chat named by {@code chat_id}, answering like Telegram when there is none. */
    synchronized ChatState resolveChat(Params params) {
        String raw = params.chatIdText().orElseThrow(() -> ApiError.badRequest("chat_id is empty"));
        ChatState chat = raw.startsWith("@") ? chatByUsername(raw.substring(1)) : chatById(raw);
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        if (chat.migratedTo() != 0) {
            throw ApiError.groupUpgraded(chat.migratedTo());
        }
        return chat;
    }

    /** Refuses like Telegram when the bot may not post in the chat. */
    synchronized void checkBotCanWrite(ChatState chat) {
        if (chat.kind() == ChatKind.PRIVATE) {
            UserState user = users.get(chat.id());
            if (user.deactivated()) {
                throw ApiError.forbidden("user is deactivated");
            }
            if (user.blockedBot()) {
                throw ApiError.forbidden("bot was blocked by the user");
            }
            if (!user.reachable()) {
                throw ApiError.forbidden("bot can't initiate conversation with a user");
            }
            return;
        }
        Membership self = botMembership(chat);
        if (self.status() == MemberStatus.KICKED) {
            throw ApiError.forbidden("bot was kicked from the " + chat.kind().words());
        }
        if (self.status() == MemberStatus.LEFT) {
            throw ApiError.forbidden("bot is not a member of the " + chat.kind().words());
        }
        if (self.status() == MemberStatus.RESTRICTED && !self.permissions().path("can_send_messages").asBoolean()) {
            throw ApiError.badRequest("not enough rights to send text messages to the chat");
        }
    }

    /** Refuses like Telegram when the bot is no longer in the group. */
    synchronized void checkBotPresent(ChatState chat) {
        MemberStatus status = botMembership(chat).status();
        if (status == MemberStatus.KICKED) {
            throw ApiError.forbidden("bot was kicked from the " + chat.kind().words());
        }
        if (status == MemberStatus.LEFT) {
            throw ApiError.forbidden("bot is not a member of the " + chat.kind().words());
        }
    }

    /** Refuses like Telegram when the bot lacks an administrator right in the group. */
    synchronized void checkBotRight(ChatState chat, AdminRights.Right right, String refusal) {
        checkBotPresent(chat);
        if (!botMembership(chat).can(right)) {
            throw ApiError.badRequest(refusal);
        }
    }

    synchronized Membership botMembership(ChatState chat) {
        if (chat.kind() == ChatKind.PRIVATE) {
            return Membership.of(bot.id(), MemberStatus.MEMBER);
        }
        return chat.member(bot.id()).orElse(Membership.of(bot.id(), MemberStatus.LEFT));
    }

    /** A user's standing in a chat: known users who never joined have "left". */
    synchronized Membership membership(ChatState chat, long userId) {
        if (chat.kind() == ChatKind.PRIVATE && (userId == chat.id() || userId == bot.id())) {
            return Membership.of(userId, MemberStatus.MEMBER);
        }
        if (userId == bot.id()) {
            return botMembership(chat);
        }
        return chat.member(userId).orElse(Membership.of(userId, MemberStatus.LEFT));
    }

    // ---- messages

    /** Gives the message the chat's next id and keeps it. */
    synchronized FakeMessage store(ChatState chat, ObjectNode message) {
        ObjectNode json = Json.object().put("message_id", chat.nextMessageId());
        json.setAll(message);
        FakeMessage stored = new FakeMessage(json);
        chat.putMessage(stored);
        return stored;
    }

    /** The start of a message's JSON: sender, chat and date. */
    synchronized ObjectNode messageFrame(ChatState chat, long fromUserId) {
        ObjectNode message = Json.object();
        message.set("from", userJson(fromUserId));
        message.set("chat", chatJson(chat));
        message.put("date", now());
        return message;
    }

    // ---- JSON of users and chats

    synchronized ObjectNode userJson(long userId) {
        if (userId == bot.id()) {
            return bot.toJson();
        }
        FakeUser user = requireUser(userId).user();
        ObjectNode json = Json.object().put("id", user.id()).put("is_bot", false).put("first_name", user.firstName());
        putIfNotEmpty(json, "last_name", user.lastName());
        putIfNotEmpty(json, "username", user.username());
        putIfNotEmpty(json, "language_code", user.languageCode());
        return json;
    }

    synchronized ObjectNode chatJson(ChatState chat) {
        ObjectNode json = Json.object().put("id", chat.id()).put("type", chat.kind().apiName());
        if (chat.kind() == ChatKind.PRIVATE) {
            FakeUser user = users.get(chat.id()).user();
            json.put("first_name", user.firstName());
            putIfNotEmpty(json, "last_name", user.lastName());
            putIfNotEmpty(json, "username", user.username());
        } else {
            json.put("title", chat.title());
            if (chat.forum()) {
                json.put("is_forum", true);
            }
        }
        return json;
    }

    // ---- identifiers the fake hands out

    /** Keeps an uploaded file and answers its JSON, with a new {@code file_id} to send it again by. */
    synchronized ObjectNode storeFile(ObjectNode details) {
        String fileId = "BQACAgQAAx0-" + (++sequence) + "-" + randomText(12);
        ObjectNode file = Json.object().put("file_id", fileId).put("file_unique_id", "AgAD" + randomText(8));
        file.setAll(details);
        files.put(fileId, file);
        return file.deepCopy();
    }

    synchronized Optional<ObjectNode> file(String fileId) {
        return Optional.ofNullable(files.get(fileId)).map(ObjectNode::deepCopy);
    }

    synchronized String openCallbackQuery() {
        String id = String.valueOf(4_000_000_000_000L + (++sequence));
        openCallbackQueries.add(id);
        return id;
    }

    /** True once per query id: Telegram refuses a second answer like an expired query. */
    synchronized boolean closeCallbackQuery(String id) {
        return openCallbackQueries.remove(id);
    }

    synchronized String openInlineQuery() {
        String id = String.valueOf(5_000_000_000_000L + (++sequence));
        openInlineQueries.add(id);
        return id;
    }

    synchronized boolean closeInlineQuery(String id) {
        return openInlineQueries.remove(id);
    }

    synchronized String newInviteLink() {
        String link;
        do {
            link = "https://t.me/+" + randomText(16);
        } while (!inviteLinks.add(link));
        return link;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(LINK_ALPHABET.charAt(random.nextInt(LINK_ALPHABET.length())));
        }
        return text.toString();
    }

    private ChatState chatById(String raw) {
        try {
            return chatOrPrivateChat(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ChatState chatByUsername(String username) {
        return users.values().stream()
                .filter(user -> user.user().username().equalsIgnoreCase(username))
                .map(user -> chatOrPrivateChat(user.user().id()))
                .findFirst().orElse(null);
    }

    /**
     * A known user has a private chat with the bot even before writing to it (Telegram then refuses with "bot
     * can't initiate conversation"), so the chat is made on first use.
     */
    private ChatState chatOrPrivateChat(long chatId) {
        if (!chats.containsKey(chatId) && users.containsKey(chatId)) {
            chats.put(chatId, new ChatState(chatId, ChatKind.PRIVATE, "", false));
        }
        return chats.get(chatId);
    }

    private static void putIfNotEmpty(ObjectNode json, String field, String value) {
        if (!value.isEmpty()) {
            json.put(field, value);
        }
    }
}
