package org.ccin.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.TelegramMultipartBuilder;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMediaBotMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Makes the Sender's Bot API calls and reads Telegram's answers by Telegram's rules rather than the library's: an
 * answer {@code ok: true} (or any 2xx) means Telegram took the call, even when its result is something the library's
 * types cannot read; then the result is {@code null} ("delivered, result unknown"), never an error that would make
 * the Sender send it again. {@code ok: false} fails with an {@link ApiRefusal} carrying Telegram's code; no answer at
 * all fails with the {@link IOException}. The requests are built from the library's method types as the library
 * builds them (JSON for ordinary methods; multipart for a photo or a document). Thread-safe.
 */
public final class BotApiCalls {
    private static final Logger log = LoggerFactory.getLogger(BotApiCalls.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final Function<String, HttpUrl> methodUrl;

    BotApiCalls(OkHttpClient http, ObjectMapper mapper, Function<String, HttpUrl> methodUrl) {
        this.http = http;
        this.mapper = mapper;
        this.methodUrl = methodUrl;
    }

    /** Starts the call; the future completes with the result, {@code null} for an unreadable one, or the failure. */
    <T extends Serializable> CompletableFuture<T> call(PartialBotApiMethod<T> method) {
        Request request;
        try {
            method.validate();
            request = new Request.Builder().url(methodUrl.apply(method.getMethod())).post(body(method)).build();
        } catch (TelegramApiException | IOException | RuntimeException e) {
            // a request we cannot even build: Telegram would refuse it, and sending it again would not help
            return CompletableFuture.failedFuture(new ApiRefusal(400, "not sent: " + e.getMessage(),
                    Optional.empty(), Optional.empty()));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody body = response.body()) {
                    String text = body == null ? "" : body.string();
                    result.complete(read(method, response.code(), text));
                } catch (ApiRefusal e) {
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    // the answer broke off while being read: Telegram may or may not have taken it
                    result.completeExceptionally(e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    private <T extends Serializable> T read(PartialBotApiMethod<T> method, int httpStatus, String text)
            throws ApiRefusal {
        JsonNode answer = tree(text);
        JsonNode ok = answer == null ? null : answer.get("ok");
        if (ok != null && ok.isBoolean() && !ok.booleanValue()) {
            JsonNode parameters = answer.path("parameters");
            throw new ApiRefusal(answer.path("error_code").asInt(httpStatus), answer.path("description").asText(""),
                    parameters.path("retry_after").isNumber()
                            ? Optional.of(parameters.path("retry_after").asInt()) : Optional.empty(),
                    parameters.path("migrate_to_chat_id").isNumber()
                            ? Optional.of(parameters.path("migrate_to_chat_id").asLong()) : Optional.empty());
        }
        boolean accepted = ok != null && ok.isBoolean() && ok.booleanValue();
        if (!accepted && (httpStatus < 200 || httpStatus > 299)) {
            throw new ApiRefusal(httpStatus, "HTTP " + httpStatus + " with an answer that is not the Bot API's",
                    Optional.empty(), Optional.empty());
        }
        try {
            return method.deserializeResponse(text);
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("{}: Telegram took it (HTTP {}), but its result cannot be read ({}); counted as delivered, "
                    + "message id unknown", method.getMethod(), httpStatus, e.getClass().getSimpleName());
            return null;
        }
    }

    private JsonNode tree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RequestBody body(PartialBotApiMethod<?> method) throws IOException {
        if (method instanceof BotApiMethod) {
            return RequestBody.create(mapper.writeValueAsString(method), JSON);
        }
        if (method instanceof SendPhoto) {
            SendPhoto photo = (SendPhoto) method;
            TelegramMultipartBuilder builder = media(photo);
            builder.addPart(SendPhoto.CAPTION_FIELD, photo.getCaption())
                    .addPart(SendPhoto.PARSE_MODE_FIELD, photo.getParseMode())
                    .addPart(SendPhoto.HAS_SPOILER_FIELD, photo.getHasSpoiler())
                    .addPart(SendPhoto.SHOW_CAPTION_ABOVE_MEDIA_FIELD, photo.getShowCaptionAboveMedia())
                    .addJsonPart(SendPhoto.CAPTION_ENTITIES_FIELD, photo.getCaptionEntities());
            return builder.build();
        }
        if (method instanceof SendDocument) {
            SendDocument document = (SendDocument) method;
            TelegramMultipartBuilder builder = media(document);
            builder.addPart(SendDocument.CAPTION_FIELD, document.getCaption())
                    .addPart(SendDocument.PARSEMODE_FIELD, document.getParseMode())
                    .addPart(SendDocument.DISABLECONTENTTYPEDETECTION_FIELD, document.getDisableContentTypeDetection())
                    .addJsonPart(SendDocument.CAPTION_ENTITIES_FIELD, document.getCaptionEntities());
            return builder.build();
        }
        throw new IllegalArgumentException(method.getMethod() + " is not a call the Sender makes");
    }

    /** The parts every media message has, as the library sends them. */
    private TelegramMultipartBuilder media(SendMediaBotMethod<?> method) throws IOException {
        TelegramMultipartBuilder builder = new TelegramMultipartBuilder(mapper);
        builder.addInputFile(method.getFileField(), method.getFile(), true);
        builder.addPart(SendMediaBotMethod.CHAT_ID_FIELD, method.getChatId())
                .addPart(SendMediaBotMethod.MESSAGE_THREAD_ID_FIELD, method.getMessageThreadId())
                .addPart(SendMediaBotMethod.REPLY_TO_MESSAGE_ID_FIELD, method.getReplyToMessageId())
                .addPart(SendMediaBotMethod.DISABLE_NOTIFICATION_FIELD, method.getDisableNotification())
                .addPart(SendMediaBotMethod.PROTECT_CONTENT_FIELD, method.getProtectContent())
                .addJsonPart(SendMediaBotMethod.REPLY_PARAMETERS_FIELD, method.getReplyParameters())
                .addJsonPart(SendMediaBotMethod.REPLY_MARKUP_FIELD, method.getReplyMarkup());
        return builder;
    }
}
