/**
 * Transport to and from Telegram: the durable inbox fed by long polling or the webhook, the per-chat ordered
 * processing of updates, and the one rate-limited Sender that all outgoing calls go through.
 */
package org.ccin.bot.telegram;
