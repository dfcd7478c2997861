package org.ccin.bot.dashboard;

import java.time.Duration;
import java.util.function.Supplier;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.dashboard.WebLogins;

/** /dashboard, for staff: a one-time link to the web dashboard (works once, for ten minutes). */
final class DashboardCommand extends CommandAdapter {
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final WebLogins logins;
    private final Supplier<String> publicUrl;

    DashboardCommand(WebLogins logins, Supplier<String> publicUrl) {
        super("dashboard", Role.STAFF);
        this.logins = logins;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(Context context) {
        String token = logins.createToken(context.userId(), LINK_LIFETIME);
        context.reply().send(context.texts().get("web.dashboard.link", "link",
                publicUrl.get() + "/dashboard/login?token=" + token, "minutes", LINK_LIFETIME.toMinutes()));
    }
}
