package org.ccin.store.outbox;

/** Where a message in the outbox stands. */
public enum OutboxStatus {
    /** Waiting for its time (and its turn). */
    PENDING,
    /** Kept back (a paused broadcast); not sent until released. */
    HELD,
    /** Its call to Telegram is being made. */
    SENDING,
    /** Delivered; the row has Telegram's message id. */
    SENT,
    /** Telegram refused it (a 4xx other than 403): not retried. */
    FAILED,
    /** The person blocked the bot (403): not retried. */
    BLOCKED,
    /** Server errors or timeouts on every attempt. */
    DEAD,
    /** Withdrawn before it was sent (a cancelled broadcast). */
    CANCELLED,
    /**
     * Written only by versions before the crash rule changed: a row that was being sent when the process died, left
     * as it was and counted apart in reports. A crash now sends such rows again and marks them resent_after_crash
     * (a duplicate is cheaper than a lost reminder), so nothing writes this status any more; old rows keep it.
     */
    UNCERTAIN;

    public boolean isFinal() {
        return this != PENDING && this != HELD && this != SENDING;
    }
}
