package org.ccin.bot.telegram;

import java.util.Optional;

/**
 * Telegram answered a call with an error: its code (or the HTTP status when the answer could not be read), its
 * description, and the parameters the delivery rules need (wait before retrying; the group's new id).
 */
final class ApiRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient Optional<Integer> retryAfterSeconds;
    private final transient Optional<Long> migrateToChatId;

    ApiRefusal(int code, String description, Optional<Integer> retryAfterSeconds, Optional<Long> migrateToChatId) {
        super(description);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.migrateToChatId = migrateToChatId;
    }

    int code() {
        return code;
    }

    Optional<Integer> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Optional<Long> migrateToChatId() {
        return migrateToChatId;
    }
}
