package org.ccin.bot.web;

import io.javalin.http.Context;

/**
 * A page or download the server refuses, thrown by a handler and answered in one place ({@link WebServer}, one
 * mapping per kind, each with its status): a page of the site in the reader's language (the message page, or a
 * form with the reason), or a short reason as plain text for a download. The pages' scripts and machines get
 * {@link HttpProblem} instead.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.BadRequest, Refusal.Unauthorized, Refusal.Forbidden, Refusal.NotFound {
    private static final long serialVersionUID = 1L;

    private final String body;
    private final boolean page;

    private Refusal(String body, boolean page) {
        super(null, null, false, false); // an answer, not a failure: no stack trace to fill
        this.body = body;
        this.page = page;
    }

    /** Answers with the status of the refusal's kind. */
    void answer(Context ctx, int status) {
        if (page) {
            Pages.send(ctx, status, body);
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(body);
        }
    }

    /** 400: what was asked cannot be understood (a period, a filter); the body says why. */
    public static final class BadRequest extends Refusal {
        private static final long serialVersionUID = 1L;

        private BadRequest(String body, boolean page) {
            super(body, page);
        }

        public static BadRequest page(String html) {
            return new BadRequest(html, true);
        }

        public static BadRequest text(String reason) {
            return new BadRequest(reason, false);
        }
    }

    /** 401: it needs a staff session (or, for a private plan, one of the network's logins). */
    public static final class Unauthorized extends Refusal {
        private static final long serialVersionUID = 1L;

        private Unauthorized(String body, boolean page) {
            super(body, page);
        }

        public static Unauthorized page(String html) {
            return new Unauthorized(html, true);
        }

        public static Unauthorized text(String reason) {
            return new Unauthorized(reason, false);
        }
    }

    /** 403: a used login link, a form from another site, a session's token that does not match. */
    public static final class Forbidden extends Refusal {
        private static final long serialVersionUID = 1L;

        private Forbidden(String body, boolean page) {
            super(body, page);
        }

        public static Forbidden page(String html) {
            return new Forbidden(html, true);
        }

        public static Forbidden text(String reason) {
            return new Forbidden(reason, false);
        }
    }

    /** 404: nothing of that name (an asset, a chart, the plan before one is imported). */
    public static final class NotFound extends Refusal {
        private static final long serialVersionUID = 1L;

        private NotFound(String body, boolean page) {
            super(body, page);
        }

        public static NotFound page(String html) {
            return new NotFound(html, true);
        }

        public static NotFound text(String reason) {
            return new NotFound(reason, false);
        }
    }
}
