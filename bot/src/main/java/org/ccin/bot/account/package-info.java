/**
 * A person's own settings and orientation: /help (what the bot can do for them), /whoami (their roles),
 * /language, /cancel, and the command menu registered with Telegram.
 */
package org.ccin.bot.account;
