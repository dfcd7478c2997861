package org.ccin.bot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * A request the server refuses, thrown by a handler and answered in one place ({@link WebServer}): the status, and a
 * short reason for the caller, as JSON ({@code {"error": "…"}}, for the pages' scripts) or as plain text (for
 * Telegram's webhook calls and other machines). Never holds personal data or a secret.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final boolean json;
    private final Map<String, String> headers;

    private HttpProblem(int status, String reason, boolean json, Map<String, String> headers) {
        super(reason, null, false, false); // an answer, not a failure: no stack trace to fill
        this.status = status;
        this.json = json;
        this.headers = Map.copyOf(headers);
    }

    /** A refusal answered as {@code {"error": reason}}. */
    public static HttpProblem json(int status, String reason) {
        return new HttpProblem(status, reason, true, Map.of());
    }

    /** A refusal answered as plain text. */
    public static HttpProblem text(int status, String reason) {
        return new HttpProblem(status, reason, false, Map.of());
    }

    /** 503 with Retry-After, as JSON: the server is not ready yet. */
    public static HttpProblem notReady(String reason, int retryAfterSeconds) {
        return new HttpProblem(503, reason, true, Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /**
     * Answers every problem a handler throws, the one way: its status and headers, the reason as JSON or plain text.
     * Handlers throw; they do not set error statuses themselves.
     */
    public static void answerIn(RoutesConfig routes) {
        routes.exception(HttpProblem.class, (problem, ctx) -> {
            problem.headers().forEach(ctx::header);
            ctx.status(problem.status());
            if (problem.isJson()) {
                ctx.contentType("application/json").result(JSON.createObjectNode().put("error", problem.getMessage())
                        .toString());
            } else {
                ctx.contentType("text/plain; charset=utf-8").result(problem.getMessage());
            }
        });
    }

    public int status() {
        return status;
    }

    public boolean isJson() {
        return json;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
