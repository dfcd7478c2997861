package org.ccin.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job that runs a routine. A failure is logged and the next run goes ahead: one bad run never stops the
 * scheduler. Runs of the same routine never overlap.
 */
@DisallowConcurrentExecution
public final class RoutineJob implements Job {
    static final String ROUTINE_KEY = "routine";
    private static final Logger log = LoggerFactory.getLogger(RoutineJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        Routine routine = (Routine) context.getMergedJobDataMap().get(ROUTINE_KEY);
        long started = System.nanoTime();
        try {
            routine.run();
            log.debug("routine {} ran in {} ms", routine.name(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | LinkageError e) {
            log.error("routine {} failed; it runs again at its next time", routine.name(), e);
        }
    }
}
