package org.ccin.bot.dashboard;

import org.ccin.bot.web.Templates;
import org.ccin.bot.web.Words;

/**
 * A dashboard page with one message: a refusal, a goodbye, or (with a token) the login page and its button. The login
 * form also carries where to go after logging in ({@code next}, a page of the dashboard, or empty for the dashboard
 * itself) and the language asked for in the link ({@code lang}, or empty).
 */
public record MessageView(Words w, String text, String token, String next, String lang) {
    public boolean isLogin() {
        return !token.isEmpty();
    }

    /** The dashboard's page with one message and no button. */
    static String page(Words w, String text) {
        return Templates.render("dashboard/message.jte", new MessageView(w, text, "", "", ""));
    }
}
