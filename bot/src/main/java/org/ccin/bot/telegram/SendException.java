package org.ccin.bot.telegram;

import java.util.Optional;

/** A call to the Bot API that did not succeed, with why, so that callers can apply the delivery rules. */
public final class SendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a call finally failed. */
    public enum Reason {
        /** 403: the person blocked the bot, or the bot is no longer in the chat; do not retry. */
        FORBIDDEN,
        /** Another 4xx: Telegram refused the request; retrying would not help. */
        REJECTED,
        /** Server errors or timeouts on every attempt. */
        GAVE_UP,
        /** The bot stopped before the call could be made. */
        SHUTDOWN,
        /** The caller took the message back just before its call (a paused or cancelled broadcast). */
        WITHDRAWN
    }

    private final Reason reason;
    private final int errorCode;
    private final transient Optional<Long> migrateToChatId;

    public SendException(Reason reason, int errorCode, String description, Optional<Long> migrateToChatId) {
        super(description);
        this.reason = reason;
        this.errorCode = errorCode;
        this.migrateToChatId = migrateToChatId;
    }

    public Reason reason() {
        return reason;
    }

    /** Telegram's error code, or 0 when the call never got an answer. */
    public int errorCode() {
        return errorCode;
    }

    /** Set when a group was upgraded to a supergroup and has a new id. */
    public Optional<Long> migrateToChatId() {
        return migrateToChatId;
    }

    /** True when Telegram said the message to edit is already as asked: not a failure for the user. */
    public boolean isNotModified() {
        return reason == Reason.REJECTED && String.valueOf(getMessage()).contains("message is not modified");
    }
}
