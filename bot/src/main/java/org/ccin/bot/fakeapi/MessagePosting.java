package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every message the bot posts has in common: keyboard validation, the message replied to, the forum topic,
 * and a place in the chat's history. Callers hold the world's lock and have checked the chat.
 */
final class MessagePosting {
    static final int MAX_TEXT_LENGTH = 4096;
    static final int MAX_CAPTION_LENGTH = 1024;

    private final World world;

    MessagePosting(World world) {
        this.world = world;
    }

    /** Stores the bot's message; {@code content} adds the text, caption or media fields. */
    FakeMessage post(Params params, ChatState chat, Consumer<ObjectNode> content) {
        Optional<JsonNode> markup = params.json("reply_markup");
        markup.ifPresent(Keyboard::validate);
        Optional<ObjectNode> repliedTo = repliedTo(params, chat);
        ObjectNode message = world.messageFrame(chat, world.bot().id());
        params.intValue("message_thread_id").ifPresent(thread -> {
            message.put("message_thread_id", thread);
            if (chat.forum()) {
                message.put("is_topic_message", true);
            }
        });
        repliedTo.ifPresent(original -> message.set("reply_to_message", original));
        content.accept(message);
        // a Message carries only inline keyboards; reply keyboards stay visible in the recorded call
        markup.filter(m -> m.has("inline_keyboard")).ifPresent(m -> message.set("reply_markup", m));
        return world.store(chat, message);
    }

    /** A text or caption as Telegram checks it. */
    static FormattedText checkedText(Params params, String field, String entitiesField, int maxLength,
                                     String tooLong) {
        FormattedText text = FormattedText.of(params.text(field).orElse(""), params.text("parse_mode"),
                params.json(entitiesField));
        if (text.length() > maxLength) {
            throw ApiError.badRequest(tooLong);
        }
        return text;
    }

    static void putText(ObjectNode message, String field, String entitiesField, FormattedText text) {
        message.put(field, text.text());
        if (!text.entities().isEmpty()) {
            message.set(entitiesField, text.entities());
        }
    }

    private Optional<ObjectNode> repliedTo(Params params, ChatState chat) {
        Optional<JsonNode> replyParameters = params.json("reply_parameters");
        Optional<Integer> messageId = replyParameters.map(r -> r.path("message_id"))
                .filter(JsonNode::isIntegralNumber).map(JsonNode::asInt)
                .or(() -> params.intValue("reply_to_message_id"));
        if (messageId.isEmpty()) {
            return Optional.empty();
        }
        Optional<FakeMessage> original = chat.message(messageId.get());
        boolean mayGoWithout = params.flag("allow_sending_without_reply")
                || replyParameters.map(r -> r.path("allow_sending_without_reply").asBoolean()).orElse(false);
        if (original.isEmpty() && !mayGoWithout) {
            throw ApiError.badRequest("message to be replied not found");
        }
        return original.map(FakeMessage::json);
    }
}
