package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One call the bot made, as the fake received it: the method (lower case), its parameters (snake_case, as sent),
 * the HTTP status the fake answered, and when. Immutable.
 */
public record ApiCall(String method, ObjectNode params, int status, Instant at) {

    public boolean is(String name) {
        return method.equalsIgnoreCase(name);
    }

    public boolean ok() {
        return status == 200;
    }

    /** The chat_id parameter as a number, or 0. */
    public long chatId() {
        JsonNode id = params.get("chat_id");
        return id == null ? 0 : id.asLong();
    }

    public String text() {
        JsonNode text = params.has("text") ? params.get("text") : params.get("caption");
        return text == null ? "" : text.asText();
    }

    public Optional<Integer> messageId() {
        JsonNode id = params.get("message_id");
        return id == null ? Optional.empty() : Optional.of(id.asInt());
    }

    /** The texts of the inline buttons, row by row. */
    public List<List<String>> buttons() {
        return Keyboards.texts(params.get("reply_markup"));
    }

    /** The callback data of the button with this text. */
    public Optional<String> callbackData(String buttonText) {
        return Keyboards.find(params.get("reply_markup"), buttonText).map(b -> b.path("callback_data").asText(null));
    }

    public List<String> allButtonTexts() {
        List<String> all = new ArrayList<>();
        buttons().forEach(all::addAll);
        return all;
    }

    @Override
    public String toString() {
        return method + " " + status + " " + params;
    }
}
