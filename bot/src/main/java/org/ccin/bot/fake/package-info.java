/**
 * An in-process fake of the Telegram Bot API server: it speaks the real HTTP/JSON protocol to the real TelegramBots
 * client, keeps chats and messages, injects updates, records every call, and can answer 429, 403, 5xx and slowly.
 * End-to-end tests use it, and so does the try-it-locally sandbox.
 */
package org.ccin.bot.fake;
