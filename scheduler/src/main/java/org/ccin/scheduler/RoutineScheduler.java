package org.ccin.scheduler;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with its in-memory job store: the JDBC store does not support SQLite, and nothing is lost by that, because
 * every routine reads what is due from the database. Triggers are rebuilt from the routines at every start.
 * Thread-safe.
 */
public final class RoutineScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RoutineScheduler.class);
    private static final String GROUP = "ccin";

    private final Scheduler scheduler;
    private final ZoneId zone;

    public RoutineScheduler(ZoneId zone, int threads) {
        this.zone = zone;
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "ccin-" + System.identityHashCode(this));
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            this.scheduler = new StdSchedulerFactory(properties).getScheduler();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler", e);
        }
    }

    /** Schedules every routine by its cron expression, replacing any earlier schedule of the same name. */
    public void schedule(List<Routine> routines) {
        for (Routine routine : routines) {
            JobDataMap data = new JobDataMap();
            data.put(RoutineJob.ROUTINE_KEY, routine);
            JobDetail job = JobBuilder.newJob(RoutineJob.class).withIdentity(routine.name(), GROUP)
                    .usingJobData(data).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(routine.name(), GROUP)
                    .withSchedule(CronScheduleBuilder.cronSchedule(routine.cron())
                            .inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            try {
                scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
                log.info("routine {} scheduled ({}), next at {}", routine.name(), routine.cron(),
                        trigger.getNextFireTime());
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot schedule routine " + routine.name(), e);
            }
        }
    }

    /** Runs a routine once, soon, outside its schedule (e.g. after data changed, or to catch up at start). */
    public void runSoon(Routine routine) {
        try {
            JobKey key = JobKey.jobKey(routine.name(), GROUP);
            if (!scheduler.checkExists(key)) {
                throw new IllegalStateException("routine " + routine.name() + " is not scheduled");
            }
            scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(key)
                    .withIdentity(TriggerKey.triggerKey(routine.name() + "-now-" + System.nanoTime(), GROUP))
                    .startAt(new Date()).build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot run routine " + routine.name(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler", e);
        }
    }

    /**
     * Stops firing triggers and waits up to five seconds for running routines to finish. The wait is bounded
     * because Quartz's own can last for ever: its pool waits for a worker handed a trigger at the moment of the
     * shutdown, which may never report back (seen once in the tests). A routine cut short is safe: each records
     * what it did in the database and the next run carries on.
     */
    @Override
    public void close() {
        Thread stopper = new Thread(() -> {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("stopping the scheduler: {}", e.toString());
            }
        }, "scheduler-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn("routines still running after 5 s at the stop; not waiting for them");
        }
    }
}
