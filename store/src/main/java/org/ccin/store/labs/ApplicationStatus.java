package org.ccin.store.labs;

/** Where an application is: being written, waiting for a decision, or decided. */
public enum ApplicationStatus { DRAFT, SUBMITTED, FUNDED, NOT_FUNDED }
