package org.ccin.store.reminders;

/** What opening a claim link did. */
public enum ClaimOutcome {
    LINKED, ALREADY_LINKED, USED, EXPIRED, UNKNOWN
}
