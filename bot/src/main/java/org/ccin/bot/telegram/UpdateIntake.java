package org.ccin.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import org.ccin.store.inbox.IncomingUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Turns one update, as raw JSON from getUpdates or a webhook post, into its inbox row. Each update is read on its
 * own: one the library cannot read (Telegram adds types faster than the library follows) becomes a quarantined row
 * with the reason, kept and counted, and the updates after it go on as usual. Thread-safe.
 */
public final class UpdateIntake {
    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
    private static final int MAX_REASON = 300;

    /** Told of each update set aside as unreadable (metrics). */
    @FunctionalInterface
    public interface QuarantineListener {
        void quarantined(String kind);

        QuarantineListener NONE = kind -> { };
    }

    private final UpdateCodec codec;
    private final QuarantineListener listener;

    public UpdateIntake(UpdateCodec codec, QuarantineListener listener) {
        this.codec = codec;
        this.listener = listener;
    }

    /** The update id of raw JSON, when it is an update at all (an object with a whole-number update_id). */
    public static Optional<Long> updateId(JsonNode raw) {
        JsonNode id = raw == null ? null : raw.get("update_id");
        if (raw == null || !raw.isObject() || id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(id.longValue());
    }

    /**
     * @param raw one update as Telegram sent it
     * @param payload the same as text, to be kept exactly as received
     * @return its row, readable or quarantined; empty when it is not an update (no update_id)
     */
    public Optional<IncomingUpdate> take(JsonNode raw, String payload) {
        Optional<Long> id = updateId(raw);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            Update update = codec.read(raw);
            return Optional.of(IncomingUpdate.readable(id.get(), UpdateKind.orderingKey(update), UpdateKind.of(update),
                    payload));
        } catch (JsonProcessingException | RuntimeException e) {
            String kind = kindOf(raw);
            String reason = reason(e);
            log.warn("update {} ({}) cannot be read and is kept aside (quarantined); the next updates go on: {}",
                    id.get(), kind, reason);
            listener.quarantined(kind);
            return Optional.of(IncomingUpdate.quarantined(id.get(), chatKeyOf(raw), kind, payload, reason));
        }
    }

    public Optional<IncomingUpdate> take(JsonNode raw) {
        return take(raw, codec.write(raw));
    }

    /** The payload's field name, as Telegram names the kind of update ("message", "message_reaction", …). */
    private static String kindOf(JsonNode raw) {
        for (Iterator<String> names = raw.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name.length() > 40 ? name.substring(0, 40) : name;
            }
        }
        return "other";
    }

    /** Best effort, for the record only: a quarantined update is never handled, so its order does not matter. */
    private static long chatKeyOf(JsonNode raw) {
        JsonNode payload = raw.path(kindOf(raw));
        for (JsonNode id : new JsonNode[] {payload.path("chat").path("id"), payload.path("message").path("chat").path("id"),
                payload.path("from").path("id"), payload.path("user").path("id")}) {
            if (id.isIntegralNumber()) {
                return id.longValue();
            }
        }
        return 0;
    }

    /** Why it could not be read, without the update's content (which may be personal). */
    private static String reason(Exception e) {
        String message = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        // Jackson quotes the offending value ("from String \"abc\""): that could be what a person wrote
        String oneLine = String.valueOf(message).replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\s+", " ");
        return oneLine.length() > MAX_REASON ? oneLine.substring(0, MAX_REASON) + "…" : oneLine;
    }
}
