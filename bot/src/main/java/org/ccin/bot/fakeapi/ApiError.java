package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of the Bot API, thrown by method handlers and turned into
 * {@code {"ok":false,"error_code":N,"description":"..."}} with HTTP status N.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String description;
    private final ObjectNode parameters;

    ApiError(int status, String description, ObjectNode parameters) {
        // no stack trace: these are answers, not bugs, and some tests provoke thousands of them
        super(status + " " + description, null, false, false);
        this.status = status;
        this.description = description;
        this.parameters = parameters == null ? null : parameters.deepCopy();
    }

    ApiError(int status, String description) {
        this(status, description, null);
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request: " + detail);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(403, "Forbidden: " + detail);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized");
    }

    static ApiError methodNotFound() {
        return new ApiError(404, "Not Found: method not found");
    }

    static ApiError conflict(String detail) {
        return new ApiError(409, "Conflict: " + detail);
    }

    static ApiError tooManyRequests(int retryAfterSeconds) {
        return withRetryAfter(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    static ApiError withRetryAfter(int status, String description, int retryAfterSeconds) {
        ObjectNode parameters = Json.object().put("retry_after", retryAfterSeconds);
        return new ApiError(status, description, parameters);
    }

    static ApiError groupUpgraded(long supergroupId) {
        ObjectNode parameters = Json.object().put("migrate_to_chat_id", supergroupId);
        return new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters);
    }

    int status() {
        return status;
    }

    String description() {
        return description;
    }

    /** The body Telegram sends for this error. */
    ObjectNode toBody() {
        ObjectNode body = Json.object().put("ok", false).put("error_code", status).put("description", description);
        if (parameters != null) {
            body.set("parameters", parameters.deepCopy());
        }
        return body;
    }
}
