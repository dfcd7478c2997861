package org.ccin.store.events;

/** A member's answer to an event. */
public enum Answer { GOING, MAYBE, NOT_GOING }
