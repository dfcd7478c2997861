package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading and validating {@code reply_markup} the way Telegram does. */
final class Keyboard {
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    /** Telegram refuses an inline keyboard of more buttons than this, whatever the method. */
    static final int MAX_INLINE_BUTTONS = 100;

    /** An inline button must do something; a bare text button is refused by Telegram. */
    private static final Set<String> INLINE_ACTIONS = Set.of("url", "callback_data", "web_app", "login_url",
            "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "copy_text", "callback_game", "pay");

    private Keyboard() {
    }

    /** Rows of button texts of an inline or reply keyboard; empty for none. */
    static List<List<String>> buttonTexts(JsonNode replyMarkup) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : rowsOf(replyMarkup)) {
            List<String> texts = new ArrayList<>();
            row.forEach(button -> texts.add(button.isTextual() ? button.asText() : button.path("text").asText()));
            rows.add(List.copyOf(texts));
        }
        return List.copyOf(rows);
    }

    /** The inline button with exactly this text. */
    static Optional<JsonNode> inlineButton(JsonNode replyMarkup, String text) {
        for (JsonNode row : replyMarkup == null ? List.<JsonNode>of() : replyMarkup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (text.equals(button.path("text").asText())) {
                    return Optional.of(button);
                }
            }
        }
        return Optional.empty();
    }

    /** The callback data of the button with this text; a loud failure when there is none, for test code. */
    static String callbackData(JsonNode replyMarkup, String buttonText, String where) {
        JsonNode button = inlineButton(replyMarkup, buttonText).orElseThrow(() -> new AssertionError(
                "no inline button '" + buttonText + "' on " + where + "; buttons: " + buttonTexts(replyMarkup)));
        if (!button.hasNonNull("callback_data")) {
            throw new AssertionError("button '" + buttonText + "' on " + where + " has no callback_data: " + button);
        }
        return button.get("callback_data").asText();
    }

    static void validate(JsonNode replyMarkup) {
        if (!replyMarkup.isObject()) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        for (JsonNode row : replyMarkup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                validateInlineButton(button);
            }
        }
    }

    /**
     * Refuses an inline keyboard of more than {@link #MAX_INLINE_BUTTONS} buttons, with Telegram's own words, so a
     * list that grows with the data (members, events) fails in tests as it would in production.
     */
    static void checkSize(JsonNode replyMarkup) {
        int buttons = 0;
        for (JsonNode row : replyMarkup == null ? List.<JsonNode>of() : replyMarkup.path("inline_keyboard")) {
            buttons += row.size();
        }
        if (buttons > MAX_INLINE_BUTTONS) {
            throw ApiError.badRequest("REPLY_MARKUP_TOO_LONG");
        }
    }

    private static void validateInlineButton(JsonNode button) {
        if (INLINE_ACTIONS.stream().noneMatch(button::has)) {
            throw ApiError.badRequest(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        if (button.has("callback_data")) {
            byte[] data = button.get("callback_data").asText().getBytes(StandardCharsets.UTF_8);
            if (data.length == 0 || data.length > MAX_CALLBACK_DATA_BYTES) {
                throw ApiError.badRequest("BUTTON_DATA_INVALID");
            }
        }
    }

    private static Iterable<JsonNode> rowsOf(JsonNode replyMarkup) {
        if (replyMarkup == null) {
            return List.of();
        }
        if (replyMarkup.has("inline_keyboard")) {
            return replyMarkup.get("inline_keyboard");
        }
        return replyMarkup.path("keyboard");
    }
}
