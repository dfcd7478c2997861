/**
 * The bot's entry point: {@link org.ccin.bot.Main} reads the command line, {@link org.ccin.bot.BotApplication}
 * wires every part by hand (no container) and stops them in order.
 */
package org.ccin.bot;
