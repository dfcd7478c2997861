/**
 * An in-process fake of the Telegram Bot API that speaks real HTTP and JSON to the real TelegramBots client,
 * with a scriptable world of users, chats and messages: used by end-to-end tests and the try-it-locally sandbox.
 */
package org.ccin.bot.fakeapi;
