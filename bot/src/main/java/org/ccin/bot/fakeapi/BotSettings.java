package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bot's command menus (per scope and language, as Telegram keeps them) and menu buttons. Thread-safe. */
final class BotSettings {
    private final Map<String, List<BotCommandEntry>> commands = new HashMap<>();
    private final Map<Long, JsonNode> menuButtons = new HashMap<>();
    private JsonNode defaultMenuButton = Json.object().put("type", "default");

    /** Telegram keeps one list per exact scope and language: no fallback between them on reading. */
    static String key(Optional<JsonNode> scope, String languageCode) {
        JsonNode given = scope.orElse(Json.object());
        return given.path("type").asText("default") + "|" + given.path("chat_id").asText("") + "|"
                + given.path("user_id").asText("") + "|" + languageCode;
    }

    synchronized void setCommands(String key, List<BotCommandEntry> list) {
        commands.put(key, List.copyOf(list));
    }

    synchronized List<BotCommandEntry> commands(String key) {
        return commands.getOrDefault(key, List.of());
    }

    synchronized void deleteCommands(String key) {
        commands.remove(key);
    }

    synchronized void setMenuButton(Optional<Long> chatId, JsonNode button) {
        if (chatId.isPresent()) {
            menuButtons.put(chatId.get(), button.deepCopy());
        } else {
            defaultMenuButton = button.deepCopy();
        }
    }

    synchronized JsonNode menuButton(Optional<Long> chatId) {
        return chatId.map(menuButtons::get).orElse(defaultMenuButton).deepCopy();
    }
}
