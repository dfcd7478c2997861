package org.ccin.bot.labs;

import java.util.Optional;
import org.ccin.scheduler.Routine;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a funding decision started when the bot stopped half-way (a crash between recording the decision
 * and making the project's action): every funded application with no action gets it, its lead and the applicant's
 * message, at start and then every hour. Usually it finds nothing.
 */
final class FundedProjects implements Routine {
    private static final Logger log = LoggerFactory.getLogger(FundedProjects.class);

    private final LabRecords records;
    private final Decisions decisions;

    FundedProjects(LabRecords records, Decisions decisions) {
        this.records = records;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "labs-funded-projects";
    }

    @Override
    public String cron() {
        return "0 20 * * * ?";
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        for (Application application : records.applications().funded()) {
            if (application.actionId().isPresent()) {
                continue;
            }
            Optional<Round> round = records.rounds().find(application.roundId());
            if (round.isPresent() && decisions.complete(application, round.get(), Optional.empty())) {
                log.info("application {} was funded but had no action (a stop half-way): its action {} is made now",
                        application.id(), Decisions.actionCode(application));
            }
        }
    }
}
