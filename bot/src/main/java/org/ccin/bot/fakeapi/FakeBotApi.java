package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A fake Telegram Bot API server, in process, for end-to-end tests and the local sandbox. It serves the real
 * HTTP/JSON of the Bot API on localhost to the real TelegramBots client, keeps a small world (users, groups,
 * messages, invite links, join requests) so that answers are realistic, lets a test inject updates, records every
 * call, and can fail, slow down or rate-limit calls on request.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (FakeBotApi fake = FakeBotApi.builder().start()) {
 *     FakeUser alice = fake.addUser(FakeUser.of(42, "Alice"));
 *     // ... start the bot against fake.telegramUrl() and fake.token()
 *     fake.userMessage(alice, "/start");
 *     ApiCall welcome = fake.awaitCall(call -> call.is("sendMessage") && call.chatId() == 42, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of HTTP requests and test threads may use one instance at once. Methods that take
 * users or chats the fake does not know throw {@link IllegalArgumentException}; helpers that look for something the
 * bot should have produced (a button, a call) throw {@link AssertionError}.
 */
public final class FakeBotApi implements AutoCloseable {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final String token;
    private final World world;
    private final BotSettings settings = new BotSettings();
    private final UpdateQueue queue;
    private final UpdateFactory updates;
    private final Faults faults = new Faults();
    private final RateLimits limits = new RateLimits(System::nanoTime);
    private final CallLog calls;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService responder;
    private final HttpFrontend http;
    private final Thread webhookPusher;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeBotApi(Builder builder) {
        this.token = builder.token;
        this.world = new World(BotIdentity.fromToken(builder.token, builder.botFirstName, builder.botUsername),
                builder.clock, builder.seed);
        this.calls = new CallLog(builder.maxRecordedCalls);
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("fake-bot-api-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.responder = Executors.newCachedThreadPool(daemonThreads("fake-bot-api-answer"));
        this.queue = new UpdateQueue(builder.firstUpdateId, timer, world::now);
        this.updates = new UpdateFactory(world);
        MethodRegistry methods = new MethodRegistry();
        List.of(new UpdateMethods(queue), new BotSettingsMethods(world, settings), new SendMethods(world),
                new EditMethods(world), new QueryMethods(world), new InviteMethods(world), new MemberMethods(world))
                .forEach(group -> group.registerInto(methods));
        CallProcessor processor = new CallProcessor(token, methods, faults, limits, calls);
        this.http = new HttpFrontend(builder.host, builder.port, CLOSE_GRACE, processor, faults, timer, responder,
                builder.clock);
        if (builder.announceApprovedJoins) {
            calls.addListener(call -> {
                if (call.is("approvechatjoinrequest") && call.ok()) {
                    queue.add(updates.approvedJoin(Json.asLong(call.params().get("chat_id")).orElseThrow(),
                            Json.asLong(call.params().get("user_id")).orElseThrow()));
                }
            });
        }
        this.webhookPusher = daemonThreads("fake-bot-api-webhook").newThread(
                new WebhookPusher(queue, builder.webhookRetryDelay, builder.webhookTimeout));
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts serving; answers this instance, started. */
    public FakeBotApi start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the fake Bot API is started already");
        }
        http.start();
        webhookPusher.start();
        return this;
    }

    /**
     * Stops quickly, also while a long poll is waiting: waiting polls answer an empty list, delayed answers go out
     * at once, and the server stops after at most a second for answers already under way.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.close();
        webhookPusher.interrupt();
        if (started.get()) {
            http.stop();
        }
        timer.shutdownNow();
        responder.shutdown();
    }

    /** The base URL, e.g. {@code http://localhost:41234}. */
    public String url() {
        return "http://localhost:" + port();
    }

    public int port() {
        return http.port();
    }

    /** Where to point TelegramBots' client and long-polling session. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "localhost", port(), false);
    }

    public String token() {
        return token;
    }

    public long botId() {
        return world.bot().id();
    }

    public String botUsername() {
        return world.bot().username();
    }

    // ------------------------------------------------------------------ the world

    /** Adds a user (or updates their name) who has started the bot, so the bot may write to them. */
    public FakeUser addUser(FakeUser user) {
        world.openPrivateChat(user);
        return user;
    }

    /** Adds a basic group; the bot is an administrator with all rights until told otherwise. */
    public void addGroup(long chatId, String title) {
        world.addGroup(chatId, ChatKind.GROUP, title, false);
    }

    /** Adds a supergroup (ids look like -100...); the bot is an administrator with all rights. */
    public void addSupergroup(long chatId, String title) {
        world.addGroup(chatId, ChatKind.SUPERGROUP, title, false);
    }

    /** Adds a supergroup with topics ({@code is_forum}); the bot is an administrator with all rights. */
    public void addForum(long chatId, String title) {
        world.addGroup(chatId, ChatKind.SUPERGROUP, title, true);
    }

    /** Puts a user in a group with a status (no update is sent; inject one with {@link #chatMember}). */
    public void addMember(long chatId, FakeUser user, MemberStatus status) {
        synchronized (world) {
            ChatState chat = world.requireGroup(chatId);
            world.registerUser(user);
            chat.setMember(status == MemberStatus.ADMINISTRATOR ? Membership.admin(user.id(), AdminRights.all())
                    : Membership.of(user.id(), status));
        }
    }

    /** Makes a user an administrator of a group with these rights. */
    public void promote(long chatId, FakeUser user, AdminRights rights) {
        synchronized (world) {
            ChatState chat = world.requireGroup(chatId);
            world.registerUser(user);
            chat.setMember(Membership.admin(user.id(), rights));
        }
    }

    /** Sets the bot's own standing in a group: e.g. {@code KICKED}, or an administrator without some right. */
    public void setBotMembership(long chatId, MemberStatus status, AdminRights rights) {
        synchronized (world) {
            ChatState chat = world.requireGroup(chatId);
            chat.setMember(status == MemberStatus.ADMINISTRATOR ? Membership.admin(botId(), rights)
                    : Membership.of(botId(), status));
        }
    }

    /** The user blocked the bot: sends to them answer 403 "Forbidden: bot was blocked by the user". */
    public void block(long userId) {
        synchronized (world) {
            world.requireUser(userId).blockedBot(true);
        }
    }

    public void unblock(long userId) {
        synchronized (world) {
            world.requireUser(userId).blockedBot(false);
        }
    }

    /** The user deleted their account: sends to them answer 403 "Forbidden: user is deactivated". */
    public void deactivate(long userId) {
        synchronized (world) {
            world.requireUser(userId).deactivate();
        }
    }

    /** A user's status in a chat now ({@code LEFT} for a known user who is not in it). */
    public MemberStatus memberStatus(long chatId, long userId) {
        synchronized (world) {
            return world.membership(world.requireChat(chatId), userId).status();
        }
    }

    /** The users whose join request to the chat awaits the bot's answer. */
    public Set<Long> pendingJoinRequests(long chatId) {
        synchronized (world) {
            return Set.copyOf(world.requireChat(chatId).pendingJoinRequests().keySet());
        }
    }

    /** The invite links the bot created in the chat, revoked ones included. */
    public List<InviteLink> inviteLinks(long chatId) {
        synchronized (world) {
            return List.copyOf(world.requireChat(chatId).inviteLinks().values());
        }
    }

    /** The commands set for the default scope and no language. */
    public List<BotCommandEntry> myCommands() {
        return myCommands("default", "");
    }

    /** The commands set for a scope without ids ({@code default}, {@code all_private_chats}...) and language. */
    public List<BotCommandEntry> myCommands(String scopeType, String languageCode) {
        return myCommands(Json.object().put("type", scopeType), languageCode);
    }

    /** The commands set for a scope given as Bot API JSON, e.g. {@code {"type":"chat","chat_id":42}}. */
    public List<BotCommandEntry> myCommands(JsonNode scope, String languageCode) {
        return settings.commands(BotSettings.key(Optional.of(scope), languageCode));
    }

    /** The default menu button ({@code {"type":"default"}} until the bot sets one). */
    public JsonNode menuButton() {
        return settings.menuButton(Optional.empty());
    }

    public JsonNode menuButton(long chatId) {
        return settings.menuButton(Optional.of(chatId));
    }

    /** The webhook URL set by the bot; empty in long-polling mode. */
    public Optional<String> webhookUrl() {
        return queue.webhook().map(UpdateQueue.Webhook::url);
    }

    /**
     * Waits until a long poll ({@code getUpdates} with a timeout) is waiting at the fake: the bot is up and
     * listening. {@link AssertionError} when none comes within the timeout.
     */
    public void awaitPolling(Duration timeout) {
        try {
            if (!queue.awaitWaitingPoll(timeout)) {
                throw new AssertionError("no getUpdates long poll was waiting within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a long poll", e);
        }
    }

    /** Updates not yet confirmed by the bot. */
    public int pendingUpdateCount() {
        return queue.pendingCount();
    }

    // ------------------------------------------------------------------ messages

    /** The messages of a chat as they are now (after edits and deletions), oldest first. */
    public List<FakeMessage> messages(long chatId) {
        synchronized (world) {
            return world.requireChat(chatId).messages();
        }
    }

    public Optional<FakeMessage> message(long chatId, int messageId) {
        synchronized (world) {
            return world.requireChat(chatId).message(messageId);
        }
    }

    /** The newest message the bot has in the chat. */
    public Optional<FakeMessage> lastBotMessage(long chatId) {
        List<FakeMessage> all = new ArrayList<>(messages(chatId));
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).fromBot()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ injecting updates (each answers its update_id)

    /** A private text message; a leading "/command" gets its {@code bot_command} entity. Opens the private chat. */
    public int userMessage(FakeUser from, String text) {
        return queue.add(updates.privateMessage(from, text, OptionalInt.empty()));
    }

    /**
     * A private message the user wrote with formatting (bold, links, …), given as Telegram HTML: it arrives as text
     * with entities, as from a Telegram app.
     */
    public int userFormattedMessage(FakeUser from, String html) {
        return queue.add(updates.formattedMessage(from, html));
    }

    /**
     * The user chose one result of the bot's answer to their inline query (a result object as the bot sent it):
     * its message appears in the chat, from the user, "via" the bot, as Telegram posts it.
     */
    public int chooseInlineResult(FakeUser from, long chatId, JsonNode result) {
        JsonNode content = result.path("input_message_content");
        String text = content.path("message_text").asText("");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("only results with a text message can be chosen here");
        }
        FormattedText formatted = FormattedText.of(text, Optional.ofNullable(content.path("parse_mode").asText(null)),
                Optional.ofNullable(content.get("entities")));
        return queue.add(updates.viaBotMessage(from, chatId, formatted));
    }

    /** A private photo with a caption written with formatting (HTML; empty for none). */
    public int userPhoto(FakeUser from, String captionHtml) {
        return queue.add(updates.fileMessage(from, "photo", "", captionHtml));
    }

    /** A private document with a caption written with formatting (HTML; empty for none). */
    public int userDocument(FakeUser from, String fileName, String captionHtml) {
        return queue.add(updates.fileMessage(from, "document", fileName, captionHtml));
    }

    /** A private message replying to a message of the chat (e.g. to the bot's ForceReply prompt). */
    public int userReply(FakeUser from, int replyToMessageId, String text) {
        return queue.add(updates.privateMessage(from, text, OptionalInt.of(replyToMessageId)));
    }

    /** A message in a group; the sender becomes a member if they were not. */
    public int groupMessage(FakeUser from, long chatId, String text) {
        return groupMessage(from, chatId, text, OptionalInt.empty(), OptionalInt.empty());
    }

    /** A message in a forum topic. */
    public int topicMessage(FakeUser from, long chatId, int messageThreadId, String text) {
        return groupMessage(from, chatId, text, OptionalInt.of(messageThreadId), OptionalInt.empty());
    }

    /** A message in a group replying to another message of the group. */
    public int groupReply(FakeUser from, long chatId, int replyToMessageId, String text) {
        return groupMessage(from, chatId, text, OptionalInt.empty(), OptionalInt.of(replyToMessageId));
    }

    public int groupMessage(FakeUser from, long chatId, String text, OptionalInt messageThreadId,
                            OptionalInt replyToMessageId) {
        return queue.add(updates.groupMessage(from, chatId, text, messageThreadId, replyToMessageId));
    }

    /** The user edited one of their messages: an {@code edited_message} update. */
    public int editMessage(FakeUser from, long chatId, int messageId, String newText) {
        return queue.add(updates.editedMessage(from, chatId, messageId, newText));
    }

    /**
     * A tap on the inline button with this text on a message of the bot: a {@code callback_query} with the
     * button's data. Throws {@link AssertionError} when the message has no such button.
     */
    public int tapButton(FakeUser user, long chatId, int messageId, String buttonText) {
        return queue.add(updates.buttonTap(user, chatId, messageId, buttonText));
    }

    /** A tap on a button of the bot's newest message in the chat. */
    public int tapButton(FakeUser user, long chatId, String buttonText) {
        FakeMessage last = lastBotMessage(chatId)
                .orElseThrow(() -> new AssertionError("the bot has no message in chat " + chatId));
        return tapButton(user, chatId, last.messageId(), buttonText);
    }

    /** A callback query with any data, as a modified client can send (the message may even be gone). */
    public int forgeCallback(FakeUser user, long chatId, int messageId, String data) {
        return queue.add(updates.callback(user, chatId, messageId, data));
    }

    public int inlineQuery(FakeUser from, String query) {
        return queue.add(updates.inlineQuery(from, query));
    }

    /** Users added to (or joining) a group: a message with {@code new_chat_members}; they become members. */
    public int newChatMembers(long chatId, FakeUser addedBy, FakeUser... members) {
        return queue.add(updates.newChatMembers(chatId, addedBy, List.of(members)));
    }

    /** A user left a group: a message with {@code left_chat_member}. */
    public int leftChatMember(long chatId, FakeUser user) {
        return queue.add(updates.leftChatMember(chatId, user));
    }

    /** A request to join the group, pending until approved or declined; the bot may write to the user meanwhile. */
    public int chatJoinRequest(FakeUser user, long chatId) {
        return queue.add(updates.joinRequest(user, chatId, Optional.empty()));
    }

    /** A request to join through an invite link (one the bot created, or any other). */
    public int chatJoinRequest(FakeUser user, long chatId, String inviteLink) {
        return queue.add(updates.joinRequest(user, chatId, Optional.of(inviteLink)));
    }

    /**
     * A member's status changed: a {@code chat_member} update. Telegram sends these only to bots that list
     * {@code chat_member} in {@code allowed_updates}; the fake does the same.
     */
    public int chatMember(long chatId, FakeUser actor, FakeUser user, MemberStatus newStatus) {
        return queue.add(updates.chatMember(chatId, actor, user, newStatus));
    }

    /**
     * The bot's own status changed: a {@code my_chat_member} update. In a private chat ({@code chatId} = the
     * actor's id) {@code KICKED} means the user blocked the bot and {@code MEMBER} that they unblocked it.
     */
    public int myChatMember(long chatId, FakeUser actor, MemberStatus newStatus) {
        return queue.add(updates.myChatMember(chatId, actor, newStatus));
    }

    /**
     * A basic group upgraded to a supergroup: two updates, the {@code migrate_to_chat_id} message in the old group
     * and the {@code migrate_from_chat_id} message in the new one. Afterwards sends to the old id answer 400 with
     * {@code migrate_to_chat_id}.
     */
    public List<Integer> migrateGroup(long groupId, long supergroupId, FakeUser actor) {
        List<Integer> ids = new ArrayList<>();
        updates.migration(groupId, supergroupId, actor).forEach(update -> ids.add(queue.add(update)));
        return List.copyOf(ids);
    }

    /** Any update, given as Bot API JSON; its {@code update_id} is replaced by the next one. */
    public int injectRaw(JsonNode update) {
        if (!update.isObject() || update.size() == 0) {
            throw new IllegalArgumentException("an update is a JSON object with one payload field: " + update);
        }
        return queue.add((ObjectNode) update);
    }

    /**
     * Delivers an update again with the same {@code update_id}, ahead of newer ones and whatever the offset, as
     * Telegram does when the bot's confirmation was lost. Note that a running TelegramBots session drops ids it
     * has seen itself; the update reaches a new session (a restarted bot) or a webhook.
     */
    public void redeliver(int updateId) {
        queue.redeliver(updateId);
    }

    // ------------------------------------------------------------------ recorded calls

    /** Every call answered so far, in the order answered. */
    public List<ApiCall> calls() {
        return calls.all();
    }

    /** The calls of one method (case-insensitive: {@code "sendMessage"} or {@code "sendmessage"}). */
    public List<ApiCall> calls(String method) {
        return calls.all().stream().filter(call -> call.is(method)).toList();
    }

    /**
     * The first call that matches, already made or made within the timeout; {@link AssertionError} listing the
     * calls seen when none comes.
     */
    public ApiCall awaitCall(Predicate<ApiCall> match, Duration timeout) {
        return calls.await(match, 1, timeout).get(0);
    }

    /** How many calls have been answered since the start (a mark for {@link #awaitCallAfter}). */
    public long callCount() {
        return calls.total();
    }

    /** The first matching call among those answered after {@code mark} calls, waiting up to the timeout. */
    public ApiCall awaitCallAfter(long mark, Predicate<ApiCall> match, Duration timeout) {
        return calls.await(mark, match, 1, timeout).get(0);
    }

    /** The first call of this method (case-insensitive). */
    public ApiCall awaitCall(String method, Duration timeout) {
        return awaitCall(call -> call.is(method), timeout);
    }

    /** The first {@code count} matching calls, waiting for them up to the timeout. */
    public List<ApiCall> awaitCalls(Predicate<ApiCall> match, int count, Duration timeout) {
        return calls.await(match, count, timeout);
    }

    /** Forgets the calls recorded so far (e.g. after a test's setup). */
    public void clearCalls() {
        calls.clear();
    }

    /** Called on the answering thread after each call is recorded; a failing listener is logged and ignored. */
    public void addListener(Consumer<ApiCall> listener) {
        calls.addListener(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<ApiCall> listener) {
        calls.removeListener(listener);
    }

    // ------------------------------------------------------------------ faults

    /** The next {@code count} calls of the method answer this error, in any chat. */
    public void failNext(String method, int count, int status, String description) {
        faults.failNext(method, 0, count, status, description, 0);
    }

    /**
     * The next {@code count} calls of the method to this chat answer this error; a positive
     * {@code retryAfterSeconds} (or status 429) adds {@code parameters.retry_after}.
     */
    public void failNext(String method, long chatId, int count, int status, String description,
                         int retryAfterSeconds) {
        faults.failNext(method, chatId, count, status, description, retryAfterSeconds);
    }

    /**
     * The next {@code count} calls of the method take effect (a message is delivered) but answer {@code ok: true}
     * with a result the client's types cannot read, as some Bot API servers and emulators do.
     */
    public void answerUnreadably(String method, int count) {
        faults.unreadableAnswers(method, count);
    }

    /**
     * Random faults on every send* call, reproducible by seed: 429 (retry_after 1), 5xx (500 or 502 Bad Gateway)
     * and 403 (blocked), each with its probability. All zero turns them off.
     */
    public void randomFaults(long seed, double probabilityOf429, double probabilityOf5xx, double probabilityOf403) {
        faults.randomFaults(seed, probabilityOf429, probabilityOf5xx, probabilityOf403);
    }

    /**
     * Delays every answer. The call takes effect at once and only its answer is late, as with a slow network:
     * a client that times out cannot know whether its message was sent.
     */
    public void latency(Duration delay) {
        faults.latency(delay);
    }

    /** Delays the answers of one method (overrides the delay for every call). */
    public void latency(String method, Duration delay) {
        faults.latency(method, delay);
    }

    /** Removes scripted and random faults and latency. */
    public void clearFaults() {
        faults.clear();
    }

    /** How many answers were injected faults (scripted or random). */
    public long injectedFaultCount() {
        return faults.injectedCount();
    }

    // ------------------------------------------------------------------ flood limits

    /**
     * Enforces flood limits on calls that post or edit messages in a chat, over sliding windows: at most
     * {@code globalPerSecond} in any second overall, {@code privateChatPerSecond} per private chat in any second,
     * {@code groupPerMinute} per group in any minute. Excess calls answer 429 with {@code retry_after}.
     */
    public void enforceLimits(int globalPerSecond, int privateChatPerSecond, int groupPerMinute) {
        limits.enforce(globalPerSecond, privateChatPerSecond, groupPerMinute);
    }

    /** Telegram's documented limits: 30 messages per second, 1 per second per chat, 20 per minute per group. */
    public void enforceTelegramLimits() {
        enforceLimits(30, 1, 20);
    }

    public void disableLimits() {
        limits.disable();
    }

    /** How many calls the flood limits refused with 429 (apart from injected faults): the bot's own doing. */
    public long rateLimited429Count() {
        return limits.refusedCount();
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a fake; every one has a default that suits tests. */
    public static final class Builder {
        private String token = "123456789:AAFakeBotApiTokenForTests_0123456789";
        private String botUsername = "ccin_test_bot";
        private String botFirstName = "CCIN Test Bot";
        private int firstUpdateId = 1;
        private String host = "localhost";
        private int port = 0;
        private Clock clock = Clock.systemUTC();
        private long seed = 1;
        private Duration webhookRetryDelay = Duration.ofMillis(200);
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private int maxRecordedCalls = 100_000;
        private boolean announceApprovedJoins;

        private Builder() {
        }

        /** The bot's token; the bot's user id is the number before the ':'. */
        public Builder token(String value) {
            BotIdentity.fromToken(value, "check", "check");
            this.token = value;
            return this;
        }

        public Builder botUsername(String value) {
            this.botUsername = value;
            return this;
        }

        public Builder botFirstName(String value) {
            this.botFirstName = value;
            return this;
        }

        public Builder firstUpdateId(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("update ids are positive: " + value);
            }
            this.firstUpdateId = value;
            return this;
        }

        /** The interface to listen on; {@code localhost} by default, so nothing outside the machine reaches it. */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** The port, 0 (the default) for any free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** The clock for message dates. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The seed of the fake's own randomness (invite links, file ids), so runs repeat. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** How long to wait before pushing an update again after the webhook failed. */
        public Builder webhookRetryDelay(Duration value) {
            this.webhookRetryDelay = value;
            return this;
        }

        public Builder webhookTimeout(Duration value) {
            this.webhookTimeout = value;
            return this;
        }

        /** Older calls are forgotten beyond this many (a sandbox runs for hours). */
        /**
         * When the bot approves a join request, post the "joined" service message in the group as Telegram does
         * (an update for the bot). Off by default, so that tests see only the updates they inject.
         */
        public Builder announceApprovedJoins(boolean value) {
            this.announceApprovedJoins = value;
            return this;
        }

        public Builder maxRecordedCalls(int value) {
            this.maxRecordedCalls = value;
            return this;
        }

        public FakeBotApi build() {
            return new FakeBotApi(this);
        }

        /** Builds and starts. */
        public FakeBotApi start() {
            return build().start();
        }
    }
}
