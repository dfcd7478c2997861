package org.ccin.bot.dashboard;

import java.time.ZoneId;
import org.ccin.scheduler.Routine;
import org.ccin.store.dashboard.Figures;

/** Every hour (and at start): today's traffic lights for the dashboard's chart. */
final class SnapshotRoutine implements Routine {
    private final Figures figures;
    private final ZoneId zone;

    SnapshotRoutine(Figures figures, ZoneId zone) {
        this.figures = figures;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "dashboard-snapshot";
    }

    @Override
    public String cron() {
        return "0 7 * * * ?";
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        figures.snapshotProgress(zone);
    }
}
