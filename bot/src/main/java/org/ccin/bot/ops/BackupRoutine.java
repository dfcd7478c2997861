package org.ccin.bot.ops;

import java.nio.file.Path;
import org.ccin.config.BotConfig;
import org.ccin.scheduler.Routine;
import org.ccin.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every night at backups.time: a consistent copy of the database into backups.folder, keeping backups.keep. */
public final class BackupRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(BackupRoutine.class);

    private final Store store;
    private final BotConfig.BackupSettings settings;

    public BackupRoutine(Store store, BotConfig.BackupSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String cron() {
        return "0 " + settings.time().getMinute() + " " + settings.time().getHour() + " * * ?";
    }

    @Override
    public void run() {
        Path backup = store.backups().backup(settings.folder(), settings.keep());
        log.info("backup written: {}", backup);
    }
}
