package org.ccin.store.reminders;

import java.time.Clock;
import org.ccin.store.Database;

/** The store of the reminders feature: leads, progress history, and reminder slots. */
public final class Reminders {
    private final LeadRepository leads;
    private final ProgressRepository progress;
    private final ReminderRepository schedule;

    public Reminders(Database database, Clock clock) {
        this.leads = new LeadRepository(database, clock);
        this.progress = new ProgressRepository(database, clock);
        this.schedule = new ReminderRepository(database, clock);
    }

    public LeadRepository leads() {
        return leads;
    }

    public ProgressRepository progress() {
        return progress;
    }

    public ReminderRepository schedule() {
        return schedule;
    }
}
