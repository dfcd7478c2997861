package org.ccin.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.InviteLink;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.web.HttpProblem;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.Words;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.groups.ChatGroup;

/**
 * The sandbox's web chat: the page, and a small JSON API over the fake Bot API that does what a Telegram app does
 * for the person chosen (send, reply, edit, tap a button, open an invite link) and shows the chats as the fake keeps
 * them. Requests that change something must be JSON posted from this page (a browser cannot post JSON from another
 * site without asking first, and the Origin is checked); the texts are shown by the page as text, never as HTML.
 */
final class SandboxRoutes implements WebRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.time.Duration INLINE_WAIT = java.time.Duration.ofSeconds(5);

    private final Messages messages = new Messages();
    /** Each person's last inline results, to choose from. */
    private final java.util.Map<Long, JsonNode> inlineResults = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Sandbox sandbox;

    void attach(Sandbox value) {
        this.sandbox = value;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/sandbox", whenReady(this::page));
        routes.get("/sandbox/api/people", whenReady(this::people));
        routes.post("/sandbox/api/people", whenReady(this::newcomer));
        routes.get("/sandbox/api/chats", whenReady(this::chats));
        routes.get("/sandbox/api/messages", whenReady(this::messages));
        routes.post("/sandbox/api/send", whenReady(this::send));
        routes.post("/sandbox/api/tap", whenReady(this::tap));
        routes.post("/sandbox/api/edit", whenReady(this::edit));
        routes.post("/sandbox/api/join", whenReady(this::join));
        routes.post("/sandbox/api/inline", whenReady(this::inline));
        routes.post("/sandbox/api/inline/choose", whenReady(this::chooseInline));
    }

    /**
     * The web server starts before the sandbox has set up its world: until then every page and call is answered
     * 503 with the reason (and when to try again), not with a failure.
     */
    private Handler whenReady(Handler handler) {
        return ctx -> {
            if (sandbox == null) {
                throw HttpProblem.notReady("the sandbox is still starting: try again in a moment", 2);
            }
            handler.handle(ctx);
        };
    }

    private void page(Context ctx) {
        Language language = Pages.language(ctx);
        Texts texts = messages.in(language);
        // the script's own words, in the reader's language, as JSON in an attribute (escaped like any value)
        ObjectNode words = JSON.createObjectNode();
        for (String key : List.of("reply", "edit", "edit.prompt", "edited", "photo", "replying", "empty", "empty.start", "bot",
                "role.newcomer", "role.lead", "role.moderator", "role.staff")) {
            words.put(key, texts.plain("web.sandbox." + key));
        }
        Pages.send(ctx, 200, Templates.renderWith("sandbox/sandbox.jte", Map.of("w", new Words(texts), "botUsername",
                sandbox.telegram().botUsername(), "scriptWords", words.toString())));
    }

    private void people(Context ctx) {
        ArrayNode list = JSON.createArrayNode();
        for (Persona persona : sandbox.personas()) {
            list.addObject().put("id", persona.id()).put("name", persona.name()).put("role", persona.role());
        }
        json(ctx, list);
    }

    private void newcomer(Context ctx) {
        if (!isOwnPost(ctx)) {
            throw forbidden();
        }
        Persona persona = sandbox.newcomer();
        json(ctx, JSON.createObjectNode().put("id", persona.id()).put("name", persona.name()).put("role", persona.role()));
    }

    /** The person's private chat with the bot, then every group, with whether they are in it. */
    private void chats(Context ctx) {
        Optional<FakeUser> user = user(ctx.queryParam("as"));
        if (user.isEmpty()) {
            throw HttpProblem.json(404, "unknown person");
        }
        FakeBotApi telegram = sandbox.telegram();
        Texts texts = messages.in(Pages.language(ctx));
        ArrayNode list = JSON.createArrayNode();
        list.addObject().put("id", user.get().id()).put("title", "CCIN bot").put("kind", "private").put("member", true);
        for (ChatGroup group : sandbox.app().store().groups().catalogue().all()) {
            group.chatId().ifPresent(chat -> {
                int requests = telegram.pendingJoinRequests(chat).size();
                list.addObject().put("id", chat).put("title", group.titleEn()).put("kind", "group")
                        .put("member", telegram.memberStatus(chat, user.get().id()).isInChat())
                        .put("requests", requests)
                        .put("requestsText", requests == 0 ? "" : texts.plain("web.sandbox.requests", "count", requests));
            });
        }
        json(ctx, list);
    }

    private void messages(Context ctx) {
        Optional<FakeUser> user = user(ctx.queryParam("as"));
        Optional<Long> chat = number(ctx.queryParam("chat"));
        if (user.isEmpty() || chat.isEmpty() || !visible(user.get(), chat.get())) {
            throw HttpProblem.json(404, "no such chat");
        }
        ArrayNode list = JSON.createArrayNode();
        for (FakeMessage message : sandbox.telegram().messages(chat.get())) {
            list.add(view(message.json()));
        }
        json(ctx, list);
    }

    /** A person sees their own private chat and any group (to see welcomes and join requests, as the demo shows). */
    private boolean visible(FakeUser user, long chatId) {
        return chatId == user.id() || chatId < 0 && sandbox.app().store().groups().catalogue().byChat(chatId).isPresent();
    }

    private static ObjectNode view(ObjectNode message) {
        ObjectNode view = JSON.createObjectNode();
        view.put("id", message.path("message_id").asInt());
        view.put("fromBot", message.path("from").path("is_bot").asBoolean(false));
        view.put("from", message.path("from").path("first_name").asText(""));
        boolean caption = !message.has("text") && message.has("caption");
        view.put("text", message.path(caption ? "caption" : "text").asText(""));
        view.set("entities", message.path(caption ? "caption_entities" : "entities").isArray()
                ? message.get(caption ? "caption_entities" : "entities") : JSON.createArrayNode());
        view.put("edited", message.has("edit_date"));
        view.put("photo", message.has("photo"));
        view.put("document", message.path("document").path("file_name").asText(""));
        if (message.has("reply_to_message")) {
            view.put("replyTo", message.path("reply_to_message").path("message_id").asInt());
        }
        StringBuilder service = new StringBuilder();
        message.path("new_chat_members").forEach(m -> service.append(m.path("first_name").asText()).append(" joined. "));
        if (message.has("left_chat_member")) {
            service.append(message.path("left_chat_member").path("first_name").asText()).append(" left.");
        }
        view.put("service", service.toString().trim());
        ArrayNode rows = view.putArray("buttons");
        message.path("reply_markup").path("inline_keyboard").forEach(row -> {
            ArrayNode buttons = rows.addArray();
            row.forEach(button -> {
                ObjectNode b = buttons.addObject().put("text", button.path("text").asText());
                if (button.has("url")) {
                    b.put("url", button.get("url").asText());
                }
                if (button.has("callback_data")) {
                    b.put("callback", true);
                }
            });
        });
        return view;
    }

    private void send(Context ctx) {
        act(ctx, (user, body) -> {
            long chat = body.path("chat").asLong();
            String text = body.path("text").asText("").strip();
            if (text.isEmpty() || text.length() > 4096 || !visible(user, chat)) {
                return false;
            }
            int replyTo = body.path("replyTo").asInt(0);
            FakeBotApi telegram = sandbox.telegram();
            if (chat == user.id()) {
                if (replyTo > 0) {
                    telegram.userReply(user, replyTo, text);
                } else {
                    telegram.userMessage(user, text);
                }
            } else if (replyTo > 0) {
                telegram.groupReply(user, chat, replyTo, text);
            } else {
                telegram.groupMessage(user, chat, text);
            }
            return true;
        });
    }

    private void tap(Context ctx) {
        act(ctx, (user, body) -> {
            long chat = body.path("chat").asLong();
            int messageId = body.path("message").asInt();
            String label = body.path("button").asText("");
            if (!visible(user, chat)) {
                return false;
            }
            Optional<FakeMessage> message = sandbox.telegram().message(chat, messageId);
            if (message.isEmpty()) {
                throw new IllegalArgumentException("that message is no longer in the chat");
            }
            if (!hasTapButton(message.get(), label)) {
                throw new IllegalArgumentException("there is no button \u201c" + label + "\u201d on that message");
            }
            sandbox.telegram().tapButton(user, chat, messageId, label);
            return true;
        });
    }

    /** Whether the message has a button with this label that sends a tap to the bot (not a link). */
    private static boolean hasTapButton(FakeMessage message, String label) {
        for (JsonNode row : message.json().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equals(label) && button.has("callback_data")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void edit(Context ctx) {
        act(ctx, (user, body) -> {
            long chat = body.path("chat").asLong();
            String text = body.path("text").asText("").strip();
            if (text.isEmpty() || !visible(user, chat)) {
                return false;
            }
            sandbox.telegram().editMessage(user, chat, body.path("message").asInt(), text);
            return true;
        });
    }

    /** Opening an invite link: a join request for the group it belongs to (the bot decides). */
    private void join(Context ctx) {
        act(ctx, (user, body) -> {
            String link = body.path("link").asText("");
            FakeBotApi telegram = sandbox.telegram();
            for (ChatGroup group : sandbox.app().store().groups().catalogue().all()) {
                if (group.chatId().isEmpty()) {
                    continue;
                }
                for (InviteLink invite : telegram.inviteLinks(group.chatId().get())) {
                    if (invite.inviteLink().equals(link)) {
                        telegram.chatJoinRequest(user, group.chatId().get(), link);
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** Typing "@bot words": an inline query; the bot's answer is shown as a list to choose from. */
    private void inline(Context ctx) {
        if (!isOwnPost(ctx)) {
            throw forbidden();
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            Optional<FakeUser> user = user(body.path("as").asText());
            String query = body.path("query").asText("").strip();
            if (user.isEmpty() || query.length() > 256) {
                throw HttpProblem.json(400, "that is not possible here");
            }
            FakeBotApi telegram = sandbox.telegram();
            long mark = telegram.callCount();
            telegram.inlineQuery(user.get(), query);
            JsonNode results = telegram.awaitCallAfter(mark, c -> c.is("answerinlinequery"), INLINE_WAIT).params()
                    .path("results");
            inlineResults.put(user.get().id(), results);
            ArrayNode list = JSON.createArrayNode();
            for (int i = 0; i < results.size(); i++) {
                list.addObject().put("index", i).put("title", results.get(i).path("title").asText(""))
                        .put("description", results.get(i).path("description").asText(""));
            }
            json(ctx, list);
        } catch (AssertionError | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw HttpProblem.json(504, "the bot did not answer the inline query");
        }
    }

    private void chooseInline(Context ctx) {
        act(ctx, (user, body) -> {
            long chat = body.path("chat").asLong();
            JsonNode results = inlineResults.get(user.id());
            int index = body.path("index").asInt(-1);
            if (results == null || index < 0 || index >= results.size() || !visible(user, chat)) {
                return false;
            }
            sandbox.telegram().chooseInlineResult(user, chat, results.get(index));
            return true;
        });
    }

    /** What a person did: true when it was done, false when it was not possible. */
    @FunctionalInterface
    private interface Action {
        boolean apply(FakeUser user, JsonNode body) throws Exception;
    }

    private void act(Context ctx, Action action) {
        if (!isOwnPost(ctx)) {
            throw forbidden();
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            Optional<FakeUser> user = user(body.path("as").asText());
            if (user.isEmpty()) {
                throw HttpProblem.json(404, "unknown person");
            }
            if (!action.apply(user.get(), body)) {
                throw HttpProblem.json(400, "that is not possible here");
            }
            json(ctx, JSON.createObjectNode().put("ok", true));
        } catch (HttpProblem refused) {
            throw refused;
        } catch (IllegalArgumentException | IllegalStateException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // the fake refuses what Telegram would (a button that is gone, a message not theirs to edit)
            throw HttpProblem.json(400, String.valueOf(e.getMessage()));
        } catch (Exception e) {
            throw HttpProblem.json(500, "the sandbox failed: " + e.getClass().getSimpleName());
        }
    }

    /** JSON posted by a page of this server (a cross-site form cannot send JSON; the Origin, if sent, is ours). */
    private static boolean isOwnPost(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return false;
        }
        return Pages.isSameOrigin(ctx);
    }

    private Optional<FakeUser> user(String id) {
        return number(id).flatMap(sandbox::user);
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static HttpProblem forbidden() {
        return HttpProblem.json(403, "only the sandbox page may do that");
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").header("Cache-Control", "no-store").result(node.toString());
    }
}
