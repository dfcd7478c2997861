package org.ccin.store;

/** What an insert-or-update did; re-imports report these counts. */
public enum UpsertOutcome { ADDED, UPDATED, UNCHANGED }
