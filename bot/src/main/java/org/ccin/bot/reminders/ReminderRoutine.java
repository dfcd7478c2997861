package org.ccin.bot.reminders;

import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.scheduler.Routine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every five minutes: queues due reminders, passes unanswered ones to staff, and sends the weekly digest when its
 * time has come. Each step reads what is due from the database, so a run after downtime catches up and a repeated
 * run changes nothing.
 */
final class ReminderRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(ReminderRoutine.class);

    private final ReminderSweep sweep;
    private final Escalations escalations;
    private final WeeklyDigest digest;
    private final OutboxDispatcher dispatcher;

    ReminderRoutine(ReminderSweep sweep, Escalations escalations, WeeklyDigest digest, OutboxDispatcher dispatcher) {
        this.sweep = sweep;
        this.escalations = escalations;
        this.digest = digest;
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public String cron() {
        return "0 */5 * * * ?";
    }

    /** Slots missed while the bot was down are sent once, as soon as it is back. */
    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        int queued = sweep.run();
        int escalated = escalations.run();
        digest.runIfDue();
        if (queued > 0) {
            log.info("{} reminders queued", queued);
        }
        if (escalated > 0) {
            log.info("{} unanswered reminders passed to staff", escalated);
        }
        dispatcher.wake();
    }
}
