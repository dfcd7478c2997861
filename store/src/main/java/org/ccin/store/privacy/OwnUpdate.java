package org.ccin.store.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored Telegram update as far as it is one person's own: what they wrote, tapped, asked or requested, and what
 * happened to their membership. Taken field by field from a list of what is theirs, so that the message they
 * replied to, who forwarded something, the bot's message under a button, other people added with them or the
 * administrator who changed their membership never reach their file. Pure logic.
 */
final class OwnUpdate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MESSAGES = List.of("message", "edited_message");

    private OwnUpdate() {
    }

    /** The person's part of an update (its kind and time are added by the caller). */
    static Map<String, Object> of(String payload, long userId) {
        Map<String, Object> own = new LinkedHashMap<>();
        JsonNode update;
        try {
            update = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return own; // kept but unreadable (quarantined): nothing in it can be shown as theirs
        }
        for (String field : MESSAGES) {
            JsonNode message = update.path(field);
            if (message.isObject() && message.path("from").path("id").asLong() == userId) {
                own.putAll(message(message, userId));
            }
        }
        JsonNode callback = update.path("callback_query");
        if (callback.path("from").path("id").asLong() == userId) {
            // the data of the button tapped; the message under it is the bot's, and may quote others
            own.put("button_data", callback.path("data").asText(""));
        }
        JsonNode inline = update.path("inline_query");
        if (inline.path("from").path("id").asLong() == userId) {
            own.put("inline_query", inline.path("query").asText(""));
        }
        JsonNode request = update.path("chat_join_request");
        if (request.path("from").path("id").asLong() == userId) {
            own.put("asked_to_join", request.path("chat").path("title").asText(""));
            own.put("date", request.path("date").asLong());
        }
        for (String field : List.of("chat_member", "my_chat_member")) {
            JsonNode change = update.path(field);
            JsonNode user = change.path("new_chat_member").path("user");
            if (change.isObject() && user.path("id").asLong() == userId) {
                own.put("chat", change.path("chat").path("title").asText(""));
                own.put("status_before", change.path("old_chat_member").path("status").asText(""));
                own.put("status_after", change.path("new_chat_member").path("status").asText(""));
                own.put("date", change.path("date").asLong());
            }
        }
        JsonNode reaction = update.path("message_reaction");
        if (reaction.path("user").path("id").asLong() == userId) {
            own.put("chat", reaction.path("chat").path("title").asText(""));
            own.put("reaction", JSON.convertValue(reaction.path("new_reaction"), Object.class));
        }
        return own;
    }

    private static Map<String, Object> message(JsonNode message, long userId) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("message_id", message.path("message_id").asLong());
        own.put("date", message.path("date").asLong());
        JsonNode chat = message.path("chat");
        own.put("chat", "private".equals(chat.path("type").asText()) ? "private"
                : chat.path("title").asText(""));
        putText(own, "text", message.path("text"));
        putText(own, "caption", message.path("caption"));
        if (message.has("document")) {
            own.put("document", message.path("document").path("file_name").asText(""));
        }
        if (message.has("photo")) {
            own.put("photo", true);
        }
        if (message.has("reply_to_message")) {
            own.put("in_reply_to_a_message", true); // whose, and what it said, is theirs
        }
        if (message.has("forward_origin") || message.has("forward_from")) {
            own.put("forwarded", true);
        }
        for (JsonNode joined : message.path("new_chat_members")) {
            if (joined.path("id").asLong() == userId) {
                own.put("joined", true);
            }
        }
        if (message.path("left_chat_member").path("id").asLong() == userId) {
            own.put("left", true);
        }
        return own;
    }

    private static void putText(Map<String, Object> own, String name, JsonNode text) {
        if (text.isTextual()) {
            own.put(name, text.asText());
        }
    }
}
