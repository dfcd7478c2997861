package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Typed, lenient reading of a call's parameters. Lenient because the same field arrives as a JSON number
 * in a JSON body and as a string in a form or multipart body; the Bot API accepts both.
 */
final class Params {
    private final ObjectNode node;
    private final List<ApiCall.Upload> uploads;

    Params(ObjectNode node, List<ApiCall.Upload> uploads) {
        this.node = node;
        this.uploads = List.copyOf(uploads);
    }

    static Params none() {
        return new Params(Json.object(), List.of());
    }

    static Params of(String name, String value) {
        return new Params(Json.object().put(name, value), List.of());
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    Optional<String> text(String name) {
        return Json.asText(node.get(name));
    }

    Optional<Long> longValue(String name) {
        return Json.asLong(node.get(name));
    }

    long requireLong(String name, String detailWhenMissing) {
        if (!has(name)) {
            throw ApiError.badRequest(detailWhenMissing);
        }
        return longValue(name).orElseThrow(() -> ApiError.badRequest("invalid " + name + " specified"));
    }

    int requireInt(String name, String detailWhenMissing) {
        return Math.toIntExact(requireLong(name, detailWhenMissing));
    }

    Optional<Integer> intValue(String name) {
        return longValue(name).map(Math::toIntExact);
    }

    boolean flag(String name) {
        JsonNode value = node.get(name);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    /** An object or array parameter; form and multipart bodies carry them as JSON strings. */
    Optional<JsonNode> json(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isContainerNode()) {
            return Optional.of(value);
        }
        if (value.isTextual()) {
            return Json.parse(value.asText()).filter(JsonNode::isContainerNode);
        }
        return Optional.empty();
    }

    /** The raw value of {@code chat_id}: a number, or a {@code @username} string. */
    Optional<String> chatIdText() {
        return text("chat_id").map(String::trim).filter(s -> !s.isEmpty());
    }

    List<ApiCall.Upload> uploads() {
        return uploads;
    }

    Optional<ApiCall.Upload> upload(String field) {
        return uploads.stream().filter(u -> u.field().equals(field)).findFirst();
    }
}
