package org.ccin.store.inbox;

/** Where an update is in its life: waiting, handled, or handled with an error (logged, never retried). */
public enum InboxStatus { PENDING, DONE, FAILED }
