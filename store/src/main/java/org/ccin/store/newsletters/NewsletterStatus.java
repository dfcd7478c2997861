package org.ccin.store.newsletters;

/** Where a newsletter stands. */
public enum NewsletterStatus {
    /** Being prepared; can be changed, sent, scheduled or deleted. */
    DRAFT,
    /** Waiting for its time; can be taken back to a draft. */
    SCHEDULED,
    /** Being delivered; can be paused or cancelled. */
    SENDING,
    /** Delivery stopped for now; can be resumed or cancelled. */
    PAUSED,
    /** Delivered to everyone it could reach: in the archive. */
    SENT,
    /** Stopped for good while being delivered. */
    CANCELLED
}
