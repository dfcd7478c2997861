package org.ccin.store.groups;

/** A person's place in a group: in it, left of their own accord, or removed. */
public enum MembershipStatus { JOINED, LEFT, REMOVED }
