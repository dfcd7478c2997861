package org.ccin.bot.dashboard;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.measures.MeasureLines;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.GroupRepository;
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
        Store store = services.store();
        GroupRepository groups = store.groups().catalogue();
        StaffSessions sessions = new StaffSessions(store.webLogins(), config);
        AuditWords auditWords = new AuditWords(groups, store.members(), config.zone());
        AuditCommand audit = new AuditCommand(store.auditLog(), groups, auditWords, config);
        MeasureRepository measures = store.measures();
        MeasureLines measureLines = MeasureLines.counting(store.plans(), store.countedActivity(), services.clock(),
                config.zone());
        features.command(new DashboardCommand(store.webLogins(), services.publicUrl()))
                .command(audit).callback(audit.buttons())
                .web(new AuditPages(store.auditLog(), groups, services.messages(), sessions, auditWords,
                        store.figures(), config.zone()))
                .web(new MeasurePages(measures, measureLines, services.messages(), sessions, services.clock(),
                        config.zone()))
                .web(new PlanBoard(store.plans(), services.messages(), sessions, config.web().planPublic(),
                        services.clock(), config.zone()))
                .web(new DashboardPages(store.webLogins(), store.auditLog(), services.messages(), sessions,
                        new DashboardSections(store.figures(), store.plans(), measures, measureLines,
                                new NewsletterTopics(store.topics()), services.clock(), config.zone()),
                        services.clock(), config.zone(), features::staffPages))
                .routine(new SnapshotRoutine(store.figures(), config.zone()));
    }
}
