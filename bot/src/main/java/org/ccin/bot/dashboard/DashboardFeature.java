package org.ccin.bot.dashboard;

import org.ccin.bot.Services;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;

/** Wires the web pages: /plan, the staff dashboard with /dashboard links, and the daily traffic-light snapshot. */
public final class DashboardFeature {
    private DashboardFeature() {
    }

    public static void addTo(Features features, Services services) {
        BotConfig config = services.config();
        StaffSessions sessions = new StaffSessions(services.store().webLogins(), config);
        features.command(new DashboardCommand(services.store().webLogins(), services.publicUrl()))
                .web(new PlanBoard(services.store(), services.messages(), sessions, config.web().planPublic(),
                        config.zone()))
                .web(new DashboardPages(services.store(), services.messages(), sessions,
                        new NewsletterTopics(services.store().topics()), config.zone()))
                .routine(new SnapshotRoutine(services.store(), config.zone()));
    }
}
