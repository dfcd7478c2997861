package org.ccin.bot.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ccin.bot.routing.UpdateKind;
import org.ccin.store.inbox.IncomingUpdate;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Updates to and from the JSON kept in the inbox. Thread-safe. */
public final class UpdateCodec {
    private final ObjectMapper mapper = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads an update; fails when the text is not an update with an id. */
    public Update read(String json) throws JsonProcessingException {
        Update update = mapper.readValue(json, Update.class);
        if (update == null || update.getUpdateId() == null) {
            throw new JsonProcessingException("not an update: it has no update_id") { };
        }
        return update;
    }

    public String write(Update update) {
        try {
            return mapper.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an update that Jackson read cannot be written back", e);
        }
    }

    /** The inbox row of an update; {@code json} is the update as received, when we have it. */
    public IncomingUpdate toInbox(Update update, String json) {
        return new IncomingUpdate(update.getUpdateId(), UpdateKind.orderingKey(update), UpdateKind.of(update), json);
    }

    public IncomingUpdate toInbox(Update update) {
        return toInbox(update, write(update));
    }
}
