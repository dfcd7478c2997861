package org.ccin.bot.ops;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.scheduler.HousekeepingRoutine;
import org.ccin.store.Store;

/**
 * The bot's own upkeep, with no commands: backups (when enabled), clearing expired conversations and saved
 * searches, and the staff's daily line about updates that could not be read.
 */
public final class OperationsFeature implements Feature {
    @Override
    public int helpOrder() {
        return 100;
    }

    @Override
    public void addTo(Features features, Services services) {
        BotConfig config = services.config();
        Store store = services.store();
        if (config.backups().enabled()) {
            features.routine(new BackupRoutine(store.backups(), config.backups()));
        }
        features.routine(new HousekeepingRoutine(store.conversations(), store.savedSearches()));
        StaffNotices staff = new StaffNotices(config.staff(), services.messages(), services.languages(),
                store.outbox(), services.outbox(), services.clock());
        features.routine(new UnreadableUpdatesReport(store.inbox(), staff, services.clock(), config.zone()));
    }
}
