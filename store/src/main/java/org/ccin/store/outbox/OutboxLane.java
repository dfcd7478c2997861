package org.ccin.store.outbox;

/** Which of the Sender's lanes a stored message goes out on. */
public enum OutboxLane { REMINDER, BROADCAST }
