package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A message in a chat of the fake, as it stands now (after edits).
 *
 * @param fromUserId the sender, or the bot's id
 * @param replyMarkup the inline keyboard JSON, or null
 * @param fileName for documents and photos, the file's name
 */
public record FakeMessage(long chatId, int messageId, long fromUserId, boolean fromBot, String text,
                          JsonNode replyMarkup, Optional<Integer> threadId, Optional<String> fileName, long date) {

    public List<List<String>> buttons() {
        return Keyboards.texts(replyMarkup);
    }

    FakeMessage edited(String newText, JsonNode newMarkup) {
        return new FakeMessage(chatId, messageId, fromUserId, fromBot, newText, newMarkup, threadId, fileName, date);
    }
}
