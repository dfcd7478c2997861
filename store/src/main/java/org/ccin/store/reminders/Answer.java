package org.ccin.store.reminders;

/** What a lead answered to a reminder (or staff recorded). */
public enum Answer {
    COMPLETE, ON_TRACK, AT_RISK, BLOCKED, SNOOZED, NOT_ME, NOTE;

    /** At risk and Blocked need staff's attention at once. */
    public boolean alertsStaff() {
        return this == AT_RISK || this == BLOCKED;
    }
}
