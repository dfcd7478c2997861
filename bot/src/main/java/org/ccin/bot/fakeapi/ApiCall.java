package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One call the bot made to the fake, as it was answered. Immutable: the JSON parts are copied in and out.
 *
 * @param method   the Bot API method in lower case ({@code sendmessage})
 * @param params   the parameters with Bot API (snake_case) keys; for form and multipart bodies the text fields as
 *                 strings, with JSON-valued fields ({@code reply_markup}, {@code entities}...) parsed, and a file
 *                 field as {@code {"file_name":..,"file_size":..}} when its file was uploaded
 * @param uploads  the files uploaded with the call (multipart only)
 * @param status   the HTTP status answered (200, or the {@code error_code})
 * @param response the whole answer: {@code {"ok":true,"result":...}} or the error
 * @param time     when the call arrived
 */
public record ApiCall(String method, ObjectNode params, List<Upload> uploads, int status, ObjectNode response,
                      Instant time) {

    /** A file sent in a multipart call. */
    /**
     * A file uploaded with the call; {@code content} holds its bytes (up to 1 MiB, empty beyond) and takes no part in
     * equality, so that tests compare uploads by field, name and size.
     */
    public record Upload(String field, String fileName, long size, byte[] content) {
        public Upload(String field, String fileName, long size) {
            this(field, fileName, size, new byte[0]);
        }

        /** The content as UTF-8 text (a JSON or CSV file). */
        public String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Upload && ((Upload) other).field.equals(field)
                    && ((Upload) other).fileName.equals(fileName) && ((Upload) other).size == size;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(field, fileName, size);
        }

        @Override
        public String toString() {
            return "Upload[" + field + ", " + fileName + ", " + size + " bytes]";
        }
    }

    public ApiCall {
        method = method.toLowerCase(Locale.ROOT);
        params = params.deepCopy();
        uploads = List.copyOf(uploads);
        response = response.deepCopy();
        Objects.requireNonNull(time, "time");
    }

    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    @Override
    public ObjectNode response() {
        return response.deepCopy();
    }

    /** True when the call succeeded. */
    public boolean ok() {
        return status == 200;
    }

    /** True for this method, compared without regard to case ({@code "sendMessage"} or {@code "sendmessage"}). */
    public boolean is(String methodName) {
        return method.equalsIgnoreCase(methodName);
    }

    /** The numeric {@code chat_id}, or 0 when the call has none (Telegram never uses 0 as a chat id). */
    public long chatId() {
        return Json.asLong(params.get("chat_id")).orElse(0L);
    }

    /** The {@code text} parameter, else the {@code caption}, else the empty string. */
    public String text() {
        return param("text").or(() -> param("caption")).orElse("");
    }

    /** A parameter as text (JSON for objects); empty when absent. */
    public Optional<String> param(String name) {
        return Json.asText(params.get(name));
    }

    /** The rows of button texts of {@code reply_markup}; empty when there is no keyboard. */
    public List<List<String>> buttons() {
        return Keyboard.buttonTexts(params.get("reply_markup"));
    }

    /** The callback data of the inline button with this text; throws {@link AssertionError} when there is none. */
    public String callbackData(String buttonText) {
        return Keyboard.callbackData(params.get("reply_markup"), buttonText, method + " call " + params);
    }

    /** The {@code message_id} of the message this call produced (sends and edits); empty for other calls. */
    public OptionalInt resultMessageId() {
        JsonNode id = response.path("result").path("message_id");
        return id.isIntegralNumber() ? OptionalInt.of(id.asInt()) : OptionalInt.empty();
    }

    /** The error description; empty for a successful call. */
    public String description() {
        return response.path("description").asText("");
    }

    @Override
    public String toString() {
        return method + " " + params + " -> " + status + (ok() ? "" : " " + description());
    }
}
