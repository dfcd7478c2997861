package org.ccin.store.labs;

/** How a submission went: in, or refused and why (nothing changed). */
public enum Submission { SUBMITTED, ROUND_CLOSED, NOT_A_DRAFT }
