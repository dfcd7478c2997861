package org.ccin.store.inbox;

import java.util.Optional;

/**
 * An update as received from Telegram, before it is handled.
 *
 * @param chatKey the chat (or, for updates without a chat, the user) whose updates must be handled in order
 * @param kind what the update is (message, callback_query, …), for logs and metrics
 * @param payload the update's JSON exactly as Telegram sent it
 * @param unreadable why the bot cannot read it, for an update that is kept but never handled (quarantined)
 */
public record IncomingUpdate(long updateId, long chatKey, String kind, String payload, Optional<String> unreadable) {
    /** An update the bot can read: it waits to be handled. */
    public static IncomingUpdate readable(long updateId, long chatKey, String kind, String payload) {
        return new IncomingUpdate(updateId, chatKey, kind, payload, Optional.empty());
    }

    /** An update the bot cannot read: kept with the reason, and skipped. */
    public static IncomingUpdate quarantined(long updateId, long chatKey, String kind, String payload, String reason) {
        return new IncomingUpdate(updateId, chatKey, kind, payload, Optional.of(reason));
    }

    public InboxStatus status() {
        return unreadable.isPresent() ? InboxStatus.QUARANTINED : InboxStatus.PENDING;
    }
}
