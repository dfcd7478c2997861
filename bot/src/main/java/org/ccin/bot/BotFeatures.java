package org.ccin.bot;

import org.ccin.bot.account.AccountFeature;
import org.ccin.bot.dashboard.DashboardFeature;
import org.ccin.bot.groups.GroupsFeature;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.knowledge.KnowledgeFeature;
import org.ccin.bot.measures.MeasuresFeature;
import org.ccin.bot.newsletters.NewslettersFeature;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.onboarding.OnboardingFeature;
import org.ccin.bot.ops.BackupRoutine;
import org.ccin.bot.ops.UnreadableUpdatesReport;
import org.ccin.bot.privacy.PrivacyFeature;
import org.ccin.bot.reminders.RemindersFeature;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.scheduler.HousekeepingRoutine;
import org.ccin.store.Store;

/**
 * Builds every feature by hand, with what it needs, in the order their commands appear in /help. The one place to
 * look for "what can the bot do".
 */
final class BotFeatures {
    private BotFeatures() {
    }

    static Features create(Services services) {
        BotConfig config = services.config();
        Store store = services.store();
        Messages messages = services.messages();
        Features features = new Features();

        OnboardingFeature.addTo(features, services);
        AccountFeature.addTo(features, services);
        MeasuresFeature.addTo(features, services);
        KnowledgeFeature.addTo(features, store, services.clock(), config.zone(),
                new org.ccin.store.plan.MilestoneDates(config.plan().seasonEnds()));
        GroupsFeature.addTo(features, services, services.identity()::id);
        RemindersFeature.addTo(features, services);
        NewslettersFeature.addTo(features, services);
        DashboardFeature.addTo(features, services);
        PrivacyFeature.addTo(features, services);
        if (config.backups().enabled()) {
            features.routine(new BackupRoutine(store, config.backups()));
        }
        features.routine(new HousekeepingRoutine(store.conversations(), store.savedSearches()));
        StaffNotices staff = new StaffNotices(config.staff(), messages, services.languages(), store.outbox(),
                services.outbox(), services.clock());
        features.routine(new UnreadableUpdatesReport(store.inbox(), staff, services.clock(), config.zone()));
        return features;
    }
}
