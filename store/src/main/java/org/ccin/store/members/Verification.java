package org.ccin.store.members;

/**
 * Whether staff have checked a member's organisation and category. Registration with an organisation from the
 * list and its listed category is VERIFIED at once; anything self-declared waits as PENDING.
 */
public enum Verification { UNVERIFIED, PENDING, VERIFIED, REJECTED }
