package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Store;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.Decision;
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.labs.RoundRepository;

/** Funded projects written straight into a test bot's store, for tests about what is counted of them. */
final class FundedLabs {
    private FundedLabs() {
    }

    /** A Policy Lab funded now: led by Cardiff, with Brent and an unlisted tenants' group as partners. */
    static void fundOne(TestBot bot) {
        Store store = bot.store();
        RoundRepository rounds = new RoundRepository(store.database(), bot.clock);
        ApplicationRepository applications = new ApplicationRepository(store.database(), bot.clock);
        Instant now = bot.clock.instant();
        Round round = rounds.create(new NewRound(RoundKind.LAB, 60_000, 20_000, now.minus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(10)), List.of("idea", "partners", "amount"), "policy-labs", 900));
        long cardiff = store.organisations().findByName("Cardiff Council").orElseThrow().id();
        long member = store.members().recordContact(501, "Applicant", Optional.empty(), "en").id();
        Application application = applications.startOrFind(round.id(), member, 501, Optional.of(cardiff));
        applications.setAnswer(application.id(), "partners", "Brent Council\nA tenants' group");
        applications.submit(application.id());
        assertThat(applications.fund(application.id(), 15_000, 900)).isEqualTo(Decision.DECIDED);
    }
}
