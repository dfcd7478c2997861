package org.ccin.bot.dashboard;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.measures.MeasureLines;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.store.measures.MeasureRepository;

/**
 * Wires the web pages and staff oversight: /plan, the staff dashboard with /dashboard links, the audit log (/audit and
 * the dashboard's audit page), and the daily traffic-light snapshot.
 */
public final class DashboardFeature implements Feature {
    @Override
    public int helpOrder() {
        return 80;
    }

    @Override
    public void addTo(Features features, Services services) {
        BotConfig config = services.config();
        StaffSessions sessions = new StaffSessions(services.store().webLogins(), config);
        AuditWords auditWords = new AuditWords(services.store(), config.zone());
        AuditCommand audit = new AuditCommand(services.store(), auditWords, config);
        MeasureRepository measures = services.store().measures();
        MeasureLines measureLines = new MeasureLines(services.store().plans());
        features.command(new DashboardCommand(services.store().webLogins(), services.publicUrl()))
                .command(audit).callback(audit)
                .web(new AuditPages(services.store(), services.messages(), sessions, auditWords))
                .web(new MeasurePages(measures, measureLines, services.messages(), sessions, services.clock(),
                        config.zone()))
                .web(new PlanBoard(services.store(), services.messages(), sessions, config.web().planPublic(),
                        services.clock(), config.zone()))
                .web(new DashboardPages(services.store(), services.messages(), sessions,
                        new DashboardSections(services.store(), measures, measureLines,
                                new NewsletterTopics(services.store().topics()), services.clock(), config.zone()),
                        services.clock(), config.zone()))
                .routine(new SnapshotRoutine(services.store(), config.zone()));
    }
}
