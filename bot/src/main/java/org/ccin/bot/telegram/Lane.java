package org.ccin.bot.telegram;

/** Outgoing traffic in priority order: a member waiting for an answer always goes before a broadcast. */
public enum Lane {
    INTERACTIVE, REMINDER, BROADCAST
}
