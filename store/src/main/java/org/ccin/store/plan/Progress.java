package org.ccin.store.plan;

/** Where an action stands: the plan's traffic lights. */
public enum Progress {
    NOT_STARTED, ON_TRACK, AT_RISK, BLOCKED, COMPLETE
}
