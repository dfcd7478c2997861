package org.ccin.store.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored Telegram update as far as it is one person's own: what they wrote, tapped, asked or requested, and what
 * happened to their membership. Taken field by field from a list of what is theirs, so that the message they
 * replied to, who forwarded something, the bot's message under a button, other people added with them or the
 * administrator who changed their membership never reach their file. Pure logic.
 */
final class OwnUpdate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MESSAGES = List.of("message", "edited_message");
    /** A Telegram @username as typed: 5 to 32 letters, digits and underscores (shorter ones are let through too). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@\\w{3,32}");
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)\\d+(?!\\d)");

    private OwnUpdate() {
    }

    /**
     * Who else the person's own words and taps may name, and the words that stand for them there ("a member").
     *
     * @param telegramIds the Telegram ids of the people the bot knows other than the person
     */
    record Others(Set<Long> telegramIds, String aMember) {
    }

    /** The person's part of an update (its kind and time are added by the caller). */
    static Map<String, Object> of(String payload, long userId, Others others) {
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
                own.putAll(message(message, userId, others));
            }
        }
        JsonNode callback = update.path("callback_query");
        if (callback.path("from").path("id").asLong() == userId) {
            // the kind of button tapped ("ver:ok": approved someone), without its arguments, which may name whom
            // (a member's id on /verify's or the attendance list's buttons); the message under it is the bot's
            own.put("button", kind(callback.path("data").asText("")));
        }
        JsonNode inline = update.path("inline_query");
        if (inline.path("from").path("id").asLong() == userId) {
            own.put("inline_query", withoutOthers(inline.path("query").asText(""), others));
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

    /** "ver:ok:7000043" → "ver:ok": the feature and the button of the data, not what it carries. */
    static String kind(String data) {
        String[] parts = data.split(":", 3);
        return parts.length < 2 ? parts[0] : parts[0] + ":" + parts[1];
    }

    /**
     * The person's words without the other people they name by handle: every @username (whose it is cannot be told
     * from the text), and a Telegram id of someone else the bot knows ("/reviewer 1 @bron", "/audit 7000043"),
     * becomes "a member".
     */
    static String withoutOthers(String text, Others others) {
        String named = MENTION.matcher(text).replaceAll(others.aMember());
        Matcher number = NUMBER.matcher(named);
        StringBuilder out = new StringBuilder();
        while (number.find()) {
            boolean someone = number.group().length() <= 18 && others.telegramIds().contains(Long.parseLong(number.group()));
            number.appendReplacement(out, Matcher.quoteReplacement(someone ? others.aMember() : number.group()));
        }
        number.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> message(JsonNode message, long userId, Others others) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("message_id", message.path("message_id").asLong());
        own.put("date", message.path("date").asLong());
        JsonNode chat = message.path("chat");
        own.put("chat", "private".equals(chat.path("type").asText()) ? "private"
                : chat.path("title").asText(""));
        putText(own, "text", message.path("text"), others);
        putText(own, "caption", message.path("caption"), others);
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

    private static void putText(Map<String, Object> own, String name, JsonNode text, Others others) {
        if (text.isTextual()) {
            own.put(name, withoutOthers(text.asText(), others));
        }
    }
}
