package org.ccin.scheduler;

/**
 * A piece of scheduled work (a reminder sweep, housekeeping). It must be safe to run again after a crash: what it
 * did is recorded in the database, not remembered in memory.
 */
public interface Routine {
    /** A stable name, used as the Quartz job's name and in logs. */
    String name();

    /** When it runs: a Quartz cron expression in the configured zone, e.g. "0 0 * * * ?" for every hour. */
    String cron();

    void run() throws Exception;

    /** Whether it also runs once right after the bot starts, to catch up on what fell due while it was down. */
    default boolean runsAtStart() {
        return false;
    }
}
