package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer of the Bot API: its HTTP status equals error_code. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int code;
    final transient ObjectNode parameters;

    ApiError(int code, String description) {
        this(code, description, null);
    }

    ApiError(int code, String description, ObjectNode parameters) {
        super(description);
        this.code = code;
        this.parameters = parameters;
    }

    static ApiError badRequest(String what) {
        return new ApiError(400, "Bad Request: " + what);
    }
}
