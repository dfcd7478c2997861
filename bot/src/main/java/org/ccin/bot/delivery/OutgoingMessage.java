package org.ccin.bot.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The message an outbox row carries, as JSON: HTML text (or a caption), an optional photo or document (a Telegram
 * file id), optional buttons, and a forum topic for group messages.
 *
 * @param kind TEXT, PHOTO or DOCUMENT
 * @param fileId the photo or document, as Telegram's file id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutgoingMessage(Kind kind, String html, String fileId, InlineKeyboardMarkup keyboard, Integer threadId) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What is sent. */
    public enum Kind { TEXT, PHOTO, DOCUMENT }

    public static OutgoingMessage text(String html, InlineKeyboardMarkup keyboard) {
        return new OutgoingMessage(Kind.TEXT, html, null, keyboard, null);
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outgoing message cannot be written", e);
        }
    }

    public static OutgoingMessage parse(String json) throws JsonProcessingException {
        return JSON.readValue(json, OutgoingMessage.class);
    }
}
