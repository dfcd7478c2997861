package org.ccin.bot.labs;

/**
 * Where staff are in deciding one application: the application, and the reason for not funding it once typed (shown
 * back before it is sent; empty while it is being asked). A state saved before the reason was kept reads as empty.
 */
record DecisionState(long applicationId, String reason) {
    DecisionState {
        reason = reason == null ? "" : reason;
    }

    DecisionState(long applicationId) {
        this(applicationId, "");
    }
}
