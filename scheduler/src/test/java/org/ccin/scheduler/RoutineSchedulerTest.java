package org.ccin.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Quartz itself, with real triggers firing in a short real time: the wiring the reminder routines rely on. */
class RoutineSchedulerTest {

    /** Counts its runs; fails on the first one to show that a failing run does not stop the schedule. */
    private static final class CountingRoutine implements Routine {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch twice = new CountDownLatch(2);
        final CountDownLatch once = new CountDownLatch(1);
        private final String cron;

        CountingRoutine(String cron) {
            this.cron = cron;
        }

        @Override
        public String name() {
            return "counting-" + cron.hashCode();
        }

        @Override
        public String cron() {
            return cron;
        }

        @Override
        public void run() {
            int run = runs.incrementAndGet();
            once.countDown();
            twice.countDown();
            if (run == 1) {
                throw new IllegalStateException("the first run fails");
            }
        }
    }

    @Test
    void aCronTriggerFiresAgainAndAgainEvenAfterAFailedRun() throws Exception {
        CountingRoutine everySecond = new CountingRoutine("* * * * * ?");
        try (RoutineScheduler scheduler = new RoutineScheduler(ZoneId.of("Europe/London"), 2)) {
            scheduler.schedule(List.of(everySecond));
            scheduler.start();
            assertThat(everySecond.twice.await(5, TimeUnit.SECONDS)).as("two runs within 5 s").isTrue();
        }
    }

    @Test
    void runSoonRunsARoutineOutsideItsSchedule() throws Exception {
        CountingRoutine yearly = new CountingRoutine("0 0 3 1 1 ?");
        try (RoutineScheduler scheduler = new RoutineScheduler(ZoneId.of("Europe/London"), 1)) {
            scheduler.schedule(List.of(yearly));
            scheduler.start();
            scheduler.runSoon(yearly);
            assertThat(yearly.once.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(yearly.runs.get()).isEqualTo(1);
        }
    }

    @Test
    void anUnscheduledRoutineCannotBeRunSoon() {
        try (RoutineScheduler scheduler = new RoutineScheduler(ZoneId.of("Europe/London"), 1)) {
            assertThatThrownBy(() -> scheduler.runSoon(new CountingRoutine("0 0 3 1 1 ?")))
                    .hasMessageContaining("is not scheduled");
        }
    }
}
