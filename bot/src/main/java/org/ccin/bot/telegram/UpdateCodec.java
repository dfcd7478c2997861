package org.ccin.bot.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates to and from the JSON kept in the inbox. Thread-safe. */
public final class UpdateCodec {
    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads an update; fails when the text is not an update with an id the library can read. */
    public Update read(String json) throws JsonProcessingException {
        return checked(mapper.readValue(json, Update.class));
    }

    /** The same, from JSON already parsed. */
    public Update read(JsonNode json) throws JsonProcessingException {
        return checked(mapper.treeToValue(json, Update.class));
    }

    private static Update checked(Update update) throws JsonProcessingException {
        if (update == null || update.getUpdateId() == null) {
            throw new JsonProcessingException("not an update: it has no update_id") { };
        }
        return update;
    }

    /** Parses text as JSON without binding it to the library's types (which may not know what Telegram sent). */
    public JsonNode tree(String json) throws JsonProcessingException {
        return mapper.readTree(json);
    }

    public String write(Update update) {
        try {
            return mapper.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an update that Jackson read cannot be written back", e);
        }
    }

    public String write(JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot be written", e);
        }
    }
}
