package org.ccin.store.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.events.Events;
import org.ccin.store.events.NewEvent;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.Decision;
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.labs.RoundRepository;
import org.ccin.store.labs.Submission;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.organisations.OrganisationData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy's measures as the bot counts them itself: funded projects, their councils, events held. */
class CountedActivityTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private RoundRepository rounds;
    private ApplicationRepository applications;
    private Events events;
    private long oldham;
    private long kirklees;
    private long telegramId = 100;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rounds = new RoundRepository(store.database(), clock);
        applications = new ApplicationRepository(store.database(), clock);
        events = new Events(store.database(), clock);
        store.database().jdbi().useTransaction(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES "
                    + "('full', 'Full', 'Llawn', 1), ('associate', 'Associate', 'Cyswllt', 2)");
            for (String name : List.of("Oldham Council", "Kirklees Council", "Sunderland City Council",
                    "Plymouth City Council")) {
                store.organisations().upsert(h, new OrganisationData(name, Optional.of("full"), Optional.empty(),
                        true));
            }
            store.organisations().upsert(h, new OrganisationData("Lambeth Council", Optional.of("associate"),
                    Optional.empty(), true));
        });
        oldham = store.organisations().findByName("Oldham Council").orElseThrow().id();
        kirklees = store.organisations().findByName("Kirklees Council").orElseThrow().id();
    }

    private Round round(RoundKind kind) {
        return rounds.create(new NewRound(kind, 60_000, 20_000, clock.instant(),
                clock.instant().plus(Duration.ofDays(30)), List.of("idea", "partners", "amount"), "policy-labs",
                900));
    }

    /** A submitted application of a new member of the organisation, with the partners named as the picker keeps them. */
    private Application submitted(Round round, Optional<Long> organisation, String partners) {
        long id = telegramId++;
        long member = store.members().recordContact(id, "M" + id, Optional.empty(), "en").id();
        Application draft = applications.startOrFind(round.id(), member, id, organisation);
        applications.setAnswer(draft.id(), "partners", partners);
        assertThat(applications.submit(draft.id())).isEqualTo(Submission.SUBMITTED);
        return draft;
    }

    @Test
    @DisplayName("Funded projects count by kind, with their lead and listed partner councils once each; others do not")
    void fundedProjectsAndTheirCouncils() {
        Instant from = clock.instant();
        Round labs = round(RoundKind.LAB);
        Round prototypes = round(RoundKind.PROTOTYPE);
        Application first = submitted(labs, Optional.of(oldham), "kirklees council\nA community group not listed");
        Application second = submitted(labs, Optional.of(kirklees), "Oldham Council\nLambeth Council");
        Application declined = submitted(labs, Optional.empty(), "Sunderland City Council");
        Application undecided = submitted(labs, Optional.empty(), "Plymouth City Council");
        Application prototype = submitted(prototypes, Optional.empty(), "Sunderland City Council");
        assertThat(applications.fund(first.id(), 10_000, 900)).isEqualTo(Decision.DECIDED);
        assertThat(applications.fund(second.id(), 10_000, 900)).isEqualTo(Decision.DECIDED);
        assertThat(applications.decline(declined.id(), "Not this time", 900)).isEqualTo(Decision.DECIDED);
        assertThat(applications.fund(prototype.id(), 2_000, 900)).isEqualTo(Decision.DECIDED);
        assertThat(undecided.id()).isPositive();

        CountedActivity.Counts counts = store.countedActivity().between(from, clock.instant());

        assertThat(counts.labsFunded()).isEqualTo(2);
        assertThat(counts.labCouncils()).as("Oldham, Kirklees, Lambeth; the unlisted group is no council")
                .isEqualTo(3);
        assertThat(counts.prototypesFunded()).isEqualTo(1);
        assertThat(counts.prototypeCouncils()).isEqualTo(1);
        assertThat(counts.fullCouncilMembers()).isEqualTo(4);
        assertThat(counts.forMeasure("policy-lab-participation")).as("3 of 4 full members").contains(75.0);
        assertThat(counts.forMeasure("policy-prototypes")).contains(1.0);
        assertThat(counts.forMeasure("full-council-members")).as("published only").isEmpty();

        CountedActivity.Counts before = store.countedActivity().between(from.minus(Duration.ofDays(9)),
                from.minusSeconds(1));
        assertThat(before.labsFunded()).as("decided after the period").isZero();
        assertThat(before.labCouncils()).isZero();
    }

    @Test
    @DisplayName("Events count as held once started in the period, announced and not cancelled")
    void eventsHeld() {
        Instant from = clock.instant();
        long held = event(Duration.ofDays(1));
        long cancelled = event(Duration.ofDays(2));
        long notYet = event(Duration.ofDays(20));
        long neverAnnounced = event(Duration.ofDays(3));
        for (long id : List.of(held, cancelled, notYet)) {
            events.events().announce(id, List.of(), r -> null);
        }
        assertThat(events.events().cancel(cancelled)).isTrue();
        assertThat(neverAnnounced).isPositive();
        clock.advance(Duration.ofDays(10));

        CountedActivity.Counts counts = store.countedActivity().between(from, clock.instant());

        assertThat(counts.eventsHeld()).isEqualTo(1);
        assertThat(counts.forMeasure("meetings-and-events")).contains(1.0);
        assertThat(counts.forMeasure("policy-lab-participation")).as("4 full members, none taking part")
                .contains(0.0);
    }

    private long event(Duration fromNow) {
        Instant start = clock.instant().plus(fromNow);
        return events.events().add(new NewEvent("Meet-up", "", start, start.plusSeconds(3600), Optional.of("Oldham"),
                Optional.empty(), Optional.empty(), new Audience("events", Set.of(), Set.of(), Set.of())), 900);
    }
}
