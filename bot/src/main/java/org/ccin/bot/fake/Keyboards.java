package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading inline keyboards out of reply_markup JSON. */
final class Keyboards {
    private Keyboards() {
    }

    static List<List<String>> texts(JsonNode markup) {
        List<List<String>> rows = new ArrayList<>();
        if (markup == null || !markup.has("inline_keyboard")) {
            return rows;
        }
        for (JsonNode row : markup.get("inline_keyboard")) {
            List<String> texts = new ArrayList<>();
            row.forEach(button -> texts.add(button.path("text").asText()));
            rows.add(texts);
        }
        return rows;
    }

    static Optional<JsonNode> find(JsonNode markup, String text) {
        if (markup == null || !markup.has("inline_keyboard")) {
            return Optional.empty();
        }
        for (JsonNode row : markup.get("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equals(text)) {
                    return Optional.of(button);
                }
            }
        }
        return Optional.empty();
    }
}
