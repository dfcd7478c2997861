package org.ccin.store.labs;

/** How a decision went: made, or refused and why (nothing changed). */
public enum Decision {
    DECIDED,
    /** Not waiting for a decision: a draft, or decided already. */
    NOT_SUBMITTED,
    NOT_POSITIVE,
    OVER_MAXIMUM,
    OVER_BUDGET
}
