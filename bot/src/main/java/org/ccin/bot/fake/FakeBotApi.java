package org.ccin.bot.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fake Telegram Bot API server on localhost. The bot under test talks to it with the real TelegramBots client,
 * exactly as to Telegram; a test (or the sandbox) plays the people: it injects updates ("member 42 sends /start",
 * "taps the button Cymraeg") and checks what the bot called ("sendMessage to 42 with these buttons").
 *
 * <p>Thread-safe: HTTP requests, test threads and the webhook sender use it at once.
 */
public final class FakeBotApi implements AutoCloseable {
    private final String token;
    private final FakeWorld world;
    private final BotMethods methods;
    private final UpdateQueue updates;
    private final Faults faults;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<ApiCall> calls = new ArrayList<>();
    private final ReentrantLock callLock = new ReentrantLock();
    private final Condition callMade = callLock.newCondition();
    private final List<Consumer<ApiCall>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, ObjectNode> delivered = new LinkedHashMap<>();
    private final int port;
    private Javalin app;
    /** How many calls had been made when the last update was injected: where "the bot's answer" starts. */
    private int callsAtLastUpdate;
    private int nextCallback = 1;
    private int nextInline = 1;

    private FakeBotApi(String token, String botUsername, long firstUpdateId, Clock clock, int port) {
        this.token = token;
        this.clock = clock;
        this.port = port;
        long botId = Long.parseLong(token.substring(0, token.indexOf(':')));
        this.world = new FakeWorld(botId, botUsername, clock);
        this.methods = new BotMethods(world);
        this.updates = new UpdateQueue(json, firstUpdateId);
        this.faults = new Faults(json);
    }

    /** A fake with a test token and the bot @ccin_test_bot, on a free port. */
    public static FakeBotApi start() {
        return builder().build().startServer();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a fake. */
    public static final class Builder {
        private String token = "123456789:AAFakeTokenForTestsOnly_0123456789";
        private String botUsername = "ccin_test_bot";
        private long firstUpdateId = 1000;
        private Clock clock = Clock.systemUTC();
        private int port;

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder botUsername(String value) {
            this.botUsername = value;
            return this;
        }

        public Builder firstUpdateId(long value) {
            this.firstUpdateId = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public FakeBotApi build() {
            return new FakeBotApi(token, botUsername, firstUpdateId, clock, port);
        }
    }

    /** Starts the HTTP server (port 0 = any free port). */
    public FakeBotApi startServer() {
        app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 60_000_000L;
            cfg.routes.post("/{bot}/{method}", this::handle);
            cfg.routes.get("/{bot}/{method}", this::handle);
        });
        app.start();
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    public int port() {
        return app.port();
    }

    public String token() {
        return token;
    }

    public long botId() {
        return world.botId;
    }

    public String botUsername() {
        return world.botUsername;
    }

    @Override
    public void close() {
        updates.close();
        if (app != null) {
            app.stop();
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(Context ctx) {
        String method = ctx.pathParam("method").toLowerCase();
        ObjectNode params;
        try {
            params = RequestParams.read(ctx, json);
        } catch (JsonProcessingException e) {
            answer(ctx, method, json.createObjectNode(), new ApiError(400, "Bad Request: can't parse JSON"));
            return;
        }
        if (!ctx.pathParam("bot").equals("bot" + token)) {
            answer(ctx, method, params, new ApiError(401, "Unauthorized"));
            return;
        }
        Duration delay = faults.latencyOf(method);
        if (!delay.isZero()) {
            sleep(delay);
        }
        long chatId = params.has("chat_id") ? params.get("chat_id").asLong(0) : 0;
        ApiError fault = faults.check(method, chatId, BotMethods.SENDING.contains(method));
        if (fault != null) {
            answer(ctx, method, params, fault);
            return;
        }
        try {
            JsonNode result = switch (method) {
                case "getupdates" -> getUpdates(params);
                case "setwebhook" -> {
                    String url = params.path("url").asText("");
                    updates.webhook(url.isEmpty() ? null : url, params.path("secret_token").asText(null));
                    yield json.getNodeFactory().booleanNode(true);
                }
                case "deletewebhook" -> {
                    updates.webhook(null, null);
                    yield json.getNodeFactory().booleanNode(true);
                }
                case "getwebhookinfo" -> json.createObjectNode().put("url", Optional.ofNullable(updates.webhookUrl())
                        .orElse("")).put("has_custom_certificate", false).put("pending_update_count", updates.size());
                default -> methods.find(method).orElseThrow(() -> new ApiError(404, "Not Found: method not found"))
                        .call(params);
            };
            record(method, params, 200);
            ctx.status(200).contentType("application/json")
                    .result(json.createObjectNode().put("ok", true).set("result", result).toString());
        } catch (ApiError e) {
            answer(ctx, method, params, e);
        }
    }

    private JsonNode getUpdates(ObjectNode params) {
        Set<String> allowed = new HashSet<>();
        params.path("allowed_updates").forEach(kind -> allowed.add(kind.asText()));
        if (params.path("allowed_updates").isTextual()) {
            try {
                json.readTree(params.get("allowed_updates").asText()).forEach(kind -> allowed.add(kind.asText()));
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("can't parse allowed_updates");
            }
        }
        ArrayNode result = json.createArrayNode();
        updates.poll(params.path("offset").asLong(0), params.path("limit").asInt(100),
                params.path("timeout").asInt(0), allowed).forEach(result::add);
        return result;
    }

    private void answer(Context ctx, String method, ObjectNode params, ApiError error) {
        record(method, params, error.code);
        ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", error.code)
                .put("description", error.getMessage());
        if (error.parameters != null) {
            body.set("parameters", error.parameters);
        }
        ctx.status(error.code).contentType("application/json").result(body.toString());
    }

    private void record(String method, ObjectNode params, int status) {
        ApiCall call = new ApiCall(method, params, status, clock.instant());
        callLock.lock();
        try {
            calls.add(call);
            callMade.signalAll();
        } finally {
            callLock.unlock();
        }
        listeners.forEach(listener -> listener.accept(call));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ people and chats

    /** A person known to Telegram, with a private chat with the bot. */
    public FakeUser user(long id, String firstName) {
        return world.addUser(FakeUser.of(id, firstName));
    }

    public FakeUser addUser(FakeUser user) {
        return world.addUser(user);
    }

    /**
     * A group (supergroup; a forum when asked) in which the bot is an administrator with the given rights, e.g.
     * "can_invite_users", "can_restrict_members", "can_delete_messages".
     */
    public void group(long chatId, String title, boolean forum, String... botRights) {
        ObjectNode rights = json.createObjectNode();
        for (String right : botRights) {
            rights.put(right, true);
        }
        world.addGroup(chatId, title, true, forum, rights);
    }

    /** A basic (non-super) group, which can be migrated to a supergroup. */
    public void basicGroup(long chatId, String title, String... botRights) {
        ObjectNode rights = json.createObjectNode();
        for (String right : botRights) {
            rights.put(right, true);
        }
        world.addGroup(chatId, title, false, false, rights);
    }

    /** Sets someone's status in a group: creator, administrator, member, restricted, left, kicked. */
    public void setMember(long chatId, long userId, String status) {
        world.setMember(chatId, userId, status);
    }

    /** Changes the bot's own rights in a group (an empty list: a plain member). */
    public void setBotRights(long chatId, String... rights) {
        ObjectNode node = json.createObjectNode();
        for (String right : rights) {
            node.put(right, true);
        }
        world.setRights(chatId, world.botId, rights.length == 0 ? "member" : "administrator", node);
    }

    public String memberStatus(long chatId, long userId) {
        return world.memberStatus(chatId, userId);
    }

    public boolean hasPendingJoinRequest(long chatId, long userId) {
        return world.hasJoinRequest(chatId, userId);
    }

    /** The person blocks the bot: sends to them answer 403. */
    public void block(long userId) {
        world.block(userId, true);
    }

    public void unblock(long userId) {
        world.block(userId, false);
    }

    public List<ObjectNode> inviteLinks() {
        return world.inviteLinks();
    }

    /** The bot's messages and the people's, as they stand now, oldest first. */
    public List<FakeMessage> messages(long chatId) {
        return world.messages(chatId);
    }

    public Optional<FakeMessage> lastBotMessage(long chatId) {
        List<FakeMessage> all = world.messages(chatId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).fromBot()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** The command menus set, by scope (and language): e.g. "all_private_chats/cy", "chat:42". */
    public Map<String, JsonNode> commandMenus() {
        return world.commandMenus();
    }

    // ------------------------------------------------------------------ updates

    private long deliver(ObjectNode update) {
        callLock.lock();
        try {
            callsAtLastUpdate = calls.size();
        } finally {
            callLock.unlock();
        }
        long id = updates.add(update);
        ObjectNode stored = json.createObjectNode().put("update_id", id);
        stored.setAll(update);
        synchronized (delivered) {
            delivered.put(id, stored);
        }
        return id;
    }

    /** A private text message from the person (a command gets its bot_command entity). */
    public long send(FakeUser user, String text) {
        world.addUser(user);
        FakeMessage message = world.addMessage(user.id(), user.id(), false, text, null, Optional.empty(),
                Optional.empty());
        return deliver(json.createObjectNode().set("message", world.messageJson(message)));
    }

    /** A message in a group, optionally in a forum topic and as a reply to another message. */
    public long sendInGroup(FakeUser user, long chatId, String text, Integer threadId, Integer replyToMessageId) {
        world.addUser(user);
        if ("left".equals(world.memberStatus(chatId, user.id()))) {
            world.setMember(chatId, user.id(), "member");
        }
        FakeMessage message = world.addMessage(chatId, user.id(), false, text, null, Optional.ofNullable(threadId),
                Optional.empty());
        ObjectNode node = world.messageJson(message);
        if (replyToMessageId != null) {
            world.message(chatId, replyToMessageId).ifPresent(m -> node.set("reply_to_message", world.messageJson(m)));
        }
        return deliver(json.createObjectNode().set("message", node));
    }

    /** The person edits one of their messages. */
    public long editMessage(FakeUser user, long chatId, int messageId, String newText) {
        FakeMessage old = world.message(chatId, messageId).orElseThrow(() ->
                new AssertionError("no message " + messageId + " in chat " + chatId));
        FakeMessage edited = old.edited(newText, old.replyMarkup());
        world.replace(edited);
        ObjectNode node = world.messageJson(edited).put("edit_date", world.now());
        return deliver(json.createObjectNode().set("edited_message", node));
    }

    /** The person taps the button with this text on one of the bot's messages. */
    public long tapButton(FakeUser user, long chatId, int messageId, String buttonText) {
        FakeMessage message = world.message(chatId, messageId).orElseThrow(() ->
                new AssertionError("no message " + messageId + " in chat " + chatId));
        JsonNode button = Keyboards.find(message.replyMarkup(), buttonText).orElseThrow(() ->
                new AssertionError("no button '" + buttonText + "' on message " + messageId + "; buttons: "
                        + message.buttons()));
        if (!button.has("callback_data")) {
            throw new AssertionError("button '" + buttonText + "' is not a callback button: " + button);
        }
        return callback(user, message, button.get("callback_data").asText());
    }

    /** The person taps the button with this text on the newest bot message in their private chat that has it. */
    public long tap(FakeUser user, String buttonText) {
        List<FakeMessage> all = world.messages(user.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            FakeMessage message = all.get(i);
            if (message.fromBot() && Keyboards.find(message.replyMarkup(), buttonText).isPresent()) {
                return tapButton(user, user.id(), message.messageId(), buttonText);
            }
        }
        throw new AssertionError("no bot message in chat " + user.id() + " has a button '" + buttonText + "'");
    }

    /** A callback with data of the test's choosing, as a modified client could send. */
    public long forgeCallback(FakeUser user, long chatId, int messageId, String data) {
        FakeMessage message = world.message(chatId, messageId).orElseThrow(() ->
                new AssertionError("no message " + messageId + " in chat " + chatId));
        return callback(user, message, data);
    }

    private long callback(FakeUser user, FakeMessage message, String data) {
        ObjectNode query = json.createObjectNode();
        synchronized (this) {
            query.put("id", "cb" + nextCallback++);
        }
        query.set("from", world.userJson(user.id()));
        query.set("message", world.messageJson(message));
        query.put("chat_instance", "ci" + message.chatId());
        query.put("data", data);
        return deliver(json.createObjectNode().set("callback_query", query));
    }

    /** A request to join a group, through an invite link or the group's public link (null). */
    public long joinRequest(FakeUser user, long chatId, String inviteLink) {
        world.addUser(user);
        ObjectNode request = json.createObjectNode();
        request.set("chat", world.chatJson(chatId));
        request.set("from", world.userJson(user.id()));
        request.put("user_chat_id", user.id());
        request.put("date", world.now());
        if (inviteLink != null) {
            ObjectNode link = world.inviteLink(inviteLink).orElseThrow(() ->
                    new AssertionError("the fake never created the link " + inviteLink)).deepCopy();
            link.remove("chat_id_for_fake");
            request.set("invite_link", link);
        }
        world.addJoinRequest(chatId, user.id(), request);
        return deliver(json.createObjectNode().set("chat_join_request", request));
    }

    /** People joined a group: a service message with new_chat_members. */
    public long newMembers(long chatId, FakeUser... people) {
        ArrayNode members = json.createArrayNode();
        for (FakeUser person : people) {
            world.addUser(person);
            world.setMember(chatId, person.id(), "member");
            members.add(world.userJson(person.id()));
        }
        FakeMessage message = world.addMessage(chatId, people[0].id(), false, null, null, Optional.empty(),
                Optional.empty());
        ObjectNode node = world.messageJson(message);
        node.set("new_chat_members", members);
        return deliver(json.createObjectNode().set("message", node));
    }

    /** A change of someone's status in a group, as a chat_member update (e.g. member → left). */
    public long chatMember(long chatId, FakeUser user, FakeUser by, String oldStatus, String newStatus) {
        world.addUser(user);
        world.setMember(chatId, user.id(), newStatus);
        return deliver(json.createObjectNode().set("chat_member", memberChange(chatId, user.id(), by.id(), oldStatus,
                newStatus)));
    }

    /** A change of the bot's own status in a group (added as administrator, removed…). */
    public long myChatMember(long chatId, FakeUser by, String oldStatus, String newStatus) {
        world.addUser(by);
        world.setMember(chatId, world.botId, newStatus);
        return deliver(json.createObjectNode().set("my_chat_member", memberChange(chatId, world.botId, by.id(),
                oldStatus, newStatus)));
    }

    private ObjectNode memberChange(long chatId, long userId, long byId, String oldStatus, String newStatus) {
        ObjectNode change = json.createObjectNode();
        change.set("chat", world.chatJson(chatId));
        change.set("from", world.userJson(byId));
        change.put("date", world.now());
        change.set("old_chat_member", json.createObjectNode().put("status", oldStatus)
                .set("user", world.userJson(userId)));
        ObjectNode fresh = world.memberJson(chatId, userId);
        fresh.put("status", newStatus);
        change.set("new_chat_member", fresh);
        return change;
    }

    /** A basic group becomes a supergroup with a new id; the bot sees the migration service message. */
    public long migrate(long fromChatId, long toChatId, FakeUser by) {
        world.addUser(by);
        FakeMessage message = world.addMessage(fromChatId, by.id(), false, null, null, Optional.empty(),
                Optional.empty());
        ObjectNode node = world.messageJson(message);
        node.put("migrate_to_chat_id", toChatId);
        world.migrate(fromChatId, toChatId);
        return deliver(json.createObjectNode().set("message", node));
    }

    /** Someone types "@bot query" in a chat. */
    public long inlineQuery(FakeUser user, String query) {
        world.addUser(user);
        ObjectNode inline = json.createObjectNode();
        synchronized (this) {
            inline.put("id", "iq" + nextInline++);
        }
        inline.set("from", world.userJson(user.id()));
        inline.put("query", query).put("offset", "");
        return deliver(json.createObjectNode().set("inline_query", inline));
    }

    /** Any update, given as its JSON without update_id. */
    public long raw(ObjectNode update) {
        return deliver(update);
    }

    /** Sends an update again with the same update_id, as Telegram does when it was not confirmed. */
    public void redeliver(long updateId) {
        ObjectNode update;
        synchronized (delivered) {
            update = delivered.get(updateId);
        }
        if (update == null) {
            throw new AssertionError("no update " + updateId + " was delivered");
        }
        updates.redeliver(update);
    }

    /** Updates not yet confirmed by the bot (or not yet posted to its webhook). */
    public int pendingUpdates() {
        return updates.size();
    }

    // ------------------------------------------------------------------ what the bot did

    public List<ApiCall> calls() {
        callLock.lock();
        try {
            return new ArrayList<>(calls);
        } finally {
            callLock.unlock();
        }
    }

    public List<ApiCall> calls(String method) {
        return calls().stream().filter(c -> c.is(method)).collect(Collectors.toList());
    }

    /** The first call (made already or still to come) that matches, or an AssertionError after the timeout. */
    public ApiCall awaitCall(Predicate<ApiCall> match, Duration timeout) {
        return awaitCalls(match, 1, timeout).get(0);
    }

    /** The first matching call made after the last injected update: the bot's answer to it. */
    public ApiCall awaitAnswer(Predicate<ApiCall> match, Duration timeout) {
        int from;
        callLock.lock();
        try {
            from = callsAtLastUpdate;
        } finally {
            callLock.unlock();
        }
        return awaitCalls(match, 1, timeout, from).get(0);
    }

    /** The first {@code count} matching calls, or an AssertionError listing the calls seen. */
    public List<ApiCall> awaitCalls(Predicate<ApiCall> match, int count, Duration timeout) {
        return awaitCalls(match, count, timeout, 0);
    }

    private List<ApiCall> awaitCalls(Predicate<ApiCall> match, int count, Duration timeout, int fromIndex) {
        long deadline = System.nanoTime() + timeout.toNanos();
        callLock.lock();
        try {
            while (true) {
                List<ApiCall> found = calls.stream().skip(fromIndex).filter(match).limit(count)
                        .collect(Collectors.toList());
                if (found.size() >= count) {
                    return found;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("expected " + count + " matching call(s) within " + timeout
                            + ", found " + found.size() + "; calls seen:\n  " + calls.stream()
                            .filter(c -> !c.is("getupdates")).map(ApiCall::toString)
                            .collect(Collectors.joining("\n  ")));
                }
                callMade.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a call", e);
        } finally {
            callLock.unlock();
        }
    }

    /** Waits until no update is waiting to be confirmed: the bot has taken everything in. */
    public void awaitUpdatesTaken(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        callLock.lock();
        try {
            while (updates.size() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(updates.size() + " update(s) still not taken after " + timeout);
                }
                callMade.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            callLock.unlock();
        }
    }

    public void addListener(Consumer<ApiCall> listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ faults

    /** The next {@code count} calls of a method answer this error. */
    public void failNext(String method, int count, int status, String description) {
        faults.failNext(method, null, count, status, description, null);
    }

    /** The next {@code count} calls of a method to one chat answer this error (429 with retry_after). */
    public void failNext(String method, long chatId, int count, int status, String description,
                         Integer retryAfterSeconds) {
        faults.failNext(method, chatId, count, status, description, retryAfterSeconds);
    }

    public void latency(Duration delay) {
        faults.latency(null, delay);
    }

    public void latency(String method, Duration delay) {
        faults.latency(method, delay);
    }

    /** Random errors on message-sending calls, repeatable by seed. */
    public void randomFaults(long seed, double share429, double share5xx, double share403) {
        faults.random(seed, share429, share5xx, share403);
    }

    /** Telegram's limits on message-sending calls; going over answers 429 with retry_after. */
    public void enforceLimits(double globalPerSecond, double privateChatPerSecond, int groupPerMinute) {
        faults.enforceLimits(globalPerSecond, privateChatPerSecond, groupPerMinute);
    }

    /** 429s given because the bot went over the enforced limits (not injected ones). */
    public int rateLimited429Count() {
        return faults.rateLimitedCount();
    }

    public int injected429Count() {
        return faults.injected429Count();
    }

    public Instant now() {
        return clock.instant();
    }
}
