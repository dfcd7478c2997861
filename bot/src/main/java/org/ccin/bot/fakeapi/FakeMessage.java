package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalInt;

/**
 * A message as the fake currently holds it (after edits), in the Bot API's {@code Message} JSON.
 * Immutable: the JSON is copied in and out.
 */
public record FakeMessage(ObjectNode json) {

    public FakeMessage {
        json = json.deepCopy();
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    public int messageId() {
        return json.path("message_id").asInt();
    }

    public long chatId() {
        return json.path("chat").path("id").asLong();
    }

    /** The sender's user id; 0 for messages without a sender (channel posts). */
    public long fromId() {
        return json.path("from").path("id").asLong();
    }

    public boolean fromBot() {
        return json.path("from").path("is_bot").asBoolean(false);
    }

    /** The plain text (entities parsed away), else the caption, else the empty string. */
    public String text() {
        return json.has("text") ? json.get("text").asText() : json.path("caption").asText("");
    }

    /** The rows of button texts of the message's keyboard; empty when it has none. */
    public List<List<String>> buttons() {
        return Keyboard.buttonTexts(json.get("reply_markup"));
    }

    /** The callback data of the inline button with this text; throws {@link AssertionError} when there is none. */
    public String callbackData(String buttonText) {
        return Keyboard.callbackData(json.get("reply_markup"), buttonText, "message " + json);
    }

    public OptionalInt messageThreadId() {
        JsonNode thread = json.get("message_thread_id");
        return thread == null ? OptionalInt.empty() : OptionalInt.of(thread.asInt());
    }

    /** Internal access without a copy, for the fake's own read-only use. */
    JsonNode view() {
        return json;
    }
}
