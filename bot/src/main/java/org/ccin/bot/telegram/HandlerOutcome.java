package org.ccin.bot.telegram;

/**
 * How handling one update ended, in words for the inbox, the log and metrics ("command:help", "ignored",
 * "dropped: too fast"), and whether it failed (the person was told; it is recorded as failed and not tried again).
 */
public record HandlerOutcome(String outcome, boolean failed) {
    public static HandlerOutcome handled(String outcome) {
        return new HandlerOutcome(outcome, false);
    }

    public static HandlerOutcome failed(String why) {
        return new HandlerOutcome("failed: " + why, true);
    }
}
