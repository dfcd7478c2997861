package org.ccin.bot.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;

/**
 * What every web page shares: the security headers (a Content-Security-Policy that allows only the bot's own scripts,
 * styles and images, no framing, no sniffing, no referrer to other sites), the page frame with its self-served stylesheet, and the
 * reader's language. Everything from people or data is escaped by the pages with {@link Html#escape}.
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

    /** A whole page: title and body are HTML already escaped by the caller. */
    public static String page(Language language, String title, String body, List<String> scripts) {
        return page(language, title, body, scripts, List.of());
    }

    /** The same, with stylesheets of its own after the site's. */
    public static String page(Language language, String title, String body, List<String> scripts,
                              List<String> styles) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language.code())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">");
        for (String style : styles) {
            html.append("<link rel=\"stylesheet\" href=\"/assets/").append(Html.escape(style)).append("\">");
        }
        for (String script : scripts) {
            html.append("<script src=\"/assets/").append(Html.escape(script)).append("\" defer></script>");
        }
        return html.append("</head><body>").append(body).append("</body></html>").toString();
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
