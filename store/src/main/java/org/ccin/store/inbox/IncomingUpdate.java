package org.ccin.store.inbox;

/**
 * An update as received from Telegram, before it is handled.
 *
 * @param chatKey the chat (or, for updates without a chat, the user) whose updates must be handled in order
 * @param kind what the update is (message, callback_query, …), for logs and metrics
 * @param payload the update's JSON exactly as Telegram sent it
 */
public record IncomingUpdate(long updateId, long chatKey, String kind, String payload) {
}
