package org.ccin.bot.ops;

import java.nio.file.Path;
import org.ccin.config.BotConfig;
import org.ccin.scheduler.Routine;
import org.ccin.store.privacy.Backups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every night at backups.time: a consistent copy of the database into backups.folder, keeping backups.keep. */
public final class BackupRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(BackupRoutine.class);

    private final Backups backups;
    private final BotConfig.BackupSettings settings;

    public BackupRoutine(Backups backups, BotConfig.BackupSettings settings) {
        this.backups = backups;
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
        Path backup = backups.backup(settings.folder(), settings.keep());
        log.info("backup written: {}", backup);
    }
}
