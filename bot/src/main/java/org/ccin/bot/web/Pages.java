package org.ccin.bot.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import org.ccin.bot.i18n.Language;

/**
 * What every web page shares: the security headers (a Content-Security-Policy that allows only the bot's own scripts,
 * styles and images, no framing, no sniffing, no referrer to other sites), sending a page, and the reader's language.
 * The pages themselves are jte templates (src/main/jte, the frame in layout.jte), which escape every value.
 */
public final class Pages {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Pages() {
    }

    /** Runs before every request: the headers every answer carries. */
    public static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** Welsh when asked for with {@code ?lang=cy} or by the browser's first language; English otherwise. */
    public static Language language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null) {
            return Language.fromCode(asked.toLowerCase(Locale.ROOT)).orElse(Language.EN);
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("cy") ? Language.CY : Language.EN;
    }

    /**
     * Whether a POST comes from a page of this server: browsers send the Origin of a POST, and it must be this host;
     * a request without one (not from a browser) passes, as it carries no cookies of another site.
     */
    public static boolean isSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            String originHost = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Answers a page as HTML with the status given. */
    public static void send(Context ctx, int status, String html) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(html);
    }
}
