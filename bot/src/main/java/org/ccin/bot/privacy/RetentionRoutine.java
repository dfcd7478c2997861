package org.ccin.bot.privacy;

import org.ccin.config.BotConfig;
import org.ccin.scheduler.Routine;
import org.ccin.store.privacy.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every night at 03:15: prunes what is past its retention period (retention.* settings). */
final class RetentionRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(RetentionRoutine.class);

    private final Retention retention;
    private final BotConfig.RetentionSettings settings;

    RetentionRoutine(Retention retention, BotConfig.RetentionSettings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String cron() {
        return "0 15 3 * * ?";
    }

    @Override
    public void run() {
        Retention.Pruned pruned = retention.prune(settings.processedUpdates(), settings.deliveredMessages(),
                settings.auditLog());
        log.info("retention: pruned {} handled updates, {} settled messages, {} audit entries, {} expired logins",
                pruned.updates(), pruned.messages(), pruned.auditEntries(), pruned.logins());
    }
}
