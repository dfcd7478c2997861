package org.ccin.bot.fakeapi;

/** One command of a menu set with {@code setMyCommands}. */
public record BotCommandEntry(String command, String description) {
}
