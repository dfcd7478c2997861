package org.ccin.bot.dashboard;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.ccin.config.BotConfig;
import org.ccin.store.dashboard.WebLogins;

/**
 * The web session of a browser: a cookie holding a random session id, HttpOnly (no script reads it) and
 * SameSite=Strict (no other site's page sends it), Secure when the pages are served over HTTPS. {@link #of} opens
 * only for someone who is staff in the configuration now (removing them from it ends their access at once), and every
 * staff page asks it. A few pages are also open to others with a session (the rounds page, to a round's reviewers):
 * they ask {@link #anyone} and decide by the person's rights now, so a non-staff session opens no staff page.
 */
public final class StaffSessions {
    static final String COOKIE = "ccin_session";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final WebLogins logins;
    private final BotConfig config;

    public StaffSessions(WebLogins logins, BotConfig config) {
        this.logins = logins;
        this.config = config;
    }

    /** The staff session of this request, if its cookie opens one of someone who is staff now. */
    public Optional<WebLogins.Session> of(Context ctx) {
        return logins.session(ctx.cookie(COOKIE)).filter(session -> config.isStaff(session.telegramUserId()));
    }

    /**
     * The session of this request whoever it belongs to (staff or not). Only for a page that checks the person's
     * rights itself at each request; a staff page asks {@link #of}.
     */
    public Optional<WebLogins.Session> anyone(Context ctx) {
        return logins.session(ctx.cookie(COOKIE));
    }

    /** Whether this session's person is staff now. */
    public boolean isStaff(WebLogins.Session session) {
        return config.isStaff(session.telegramUserId());
    }

    void open(Context ctx, String sessionId) {
        ctx.header("Set-Cookie", COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + LIFETIME.toSeconds() + (secure() ? "; Secure" : ""));
    }

    void close(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            logins.endSession(id);
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure() ? "; Secure" : ""));
    }

    private boolean secure() {
        return config.web().publicUrl().map(url -> url.startsWith("https://")).orElse(false);
    }
}
