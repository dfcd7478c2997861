package org.ccin.store.newsletters;

/** A member a newsletter goes to, with the language of their buttons. */
public record Recipient(long memberId, long telegramUserId, String language) {
}
