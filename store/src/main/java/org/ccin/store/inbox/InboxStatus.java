package org.ccin.store.inbox;

/**
 * Where an update is in its life: waiting, handled, handled with an error (logged, never retried), or kept unread
 * because the bot cannot read it (quarantined: counted and shown to staff, never handled).
 */
public enum InboxStatus { PENDING, DONE, FAILED, QUARANTINED }
