package org.ccin.bot.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
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

    /** Sends it now through the Sender, in a lane (previews, the archive). */
    public CompletableFuture<? extends Serializable> sendWith(Sender sender, Lane lane, long chatId) {
        return sendWith(sender, lane, chatId, () -> true);
    }

    /**
     * The same, asking {@code beforeCall} right before the Bot API call is made (the outbox records the call, or
     * finds the message taken back and answers false).
     */
    public CompletableFuture<? extends Serializable> sendWith(Sender sender, Lane lane, long chatId,
                                                             BooleanSupplier beforeCall) {
        switch (kind) {
            case PHOTO:
                return sender.sendPhoto(lane, chatId, SendPhoto.builder().chatId(chatId).photo(new InputFile(fileId))
                        .caption(html).parseMode(ParseMode.HTML).replyMarkup(keyboard).messageThreadId(threadId)
                        .build(), beforeCall);
            case DOCUMENT:
                return sender.sendDocument(lane, chatId, SendDocument.builder().chatId(chatId)
                        .document(new InputFile(fileId)).caption(html).parseMode(ParseMode.HTML).replyMarkup(keyboard)
                        .messageThreadId(threadId).build(), beforeCall);
            default:
                return sender.send(lane, chatId, SendMessage.builder().chatId(chatId).text(html)
                        .parseMode(ParseMode.HTML).replyMarkup(keyboard)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                        .messageThreadId(threadId).build(), beforeCall);
        }
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
