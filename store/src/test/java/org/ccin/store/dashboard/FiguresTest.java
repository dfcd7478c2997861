package org.ccin.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Media;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxStatus;
import org.ccin.store.plan.MilestoneDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        KnowledgeFixture.load(store);
    }

    @Test
    @DisplayName("The daily snapshot counts each light and, of those, the actions overdue that day (V16)")
    void snapshotCountsOverdue() {
        store.figures().snapshotProgress(LONDON);
        clock.advance(Duration.ofDays(400));
        store.figures().snapshotProgress(LONDON);

        List<Figures.Snapshot> days = store.figures().progressSince(LocalDate.of(2026, 1, 1));

        assertThat(days).extracting(Figures.Snapshot::day)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2027, 4, 6));
        LocalDate later = LocalDate.of(2027, 4, 6);
        assertThat(days.get(1).overdueTotal()).isEqualTo(store.plans().overdue(later).size()).isPositive();
        assertThat(days.get(0).overdueTotal()).isEqualTo(store.plans().overdue(LocalDate.of(2026, 3, 2)).size());
        assertThat(days.get(1).overdue().getOrDefault("COMPLETE", 0)).isZero();
        assertThat(store.figures().progressSince(later)).hasSize(1);
    }

    @Test
    @DisplayName("A period counts what happened in it: six weeks on, a sign-up is in the last 12 weeks, not the last 4")
    void periods() {
        long organisation = organisation("Testshire Council");
        register(7001, organisation);
        long member = store.members().findByTelegramId(7001).orElseThrow().id();
        store.newsletters().subscriptions().subscribe(member, "monthly", "yes", "en");
        NewsletterRepository issues = store.newsletters().issues();
        long issue = issues.createDraft(new Content("November", "Hello", Media.TEXT, Optional.empty(), List.of()),
                "monthly", 1);
        issues.start(issue, 1, r -> new OutboxMessage("t:" + r.memberId(), OutboxLane.BROADCAST,
                NewsletterRepository.KIND, issue, r.telegramUserId(), "{}", clock.instant().plus(Duration.ofDays(999))),
                List.of());
        store.outbox().markFailed(store.outbox().byRef(NewsletterRepository.KIND, issue).get(0).id(),
                OutboxStatus.BLOCKED, "blocked");
        issues.recordTap(issue, member, "useful");
        issues.recordTap(issue, member, "unsubscribe");
        clock.advance(Duration.ofDays(42));

        Figures figures = store.figures();
        assertThat(figures.registrationsPerWeek(12, LONDON)).hasSize(12)
                .extracting(Figures.Count::count).containsOnlyOnce(1).contains(0);
        assertThat(figures.registrationsPerWeek(4, LONDON)).hasSize(4).extracting(Figures.Count::count)
                .containsOnly(0);
        assertThat(figures.engagement(figures.periodStart(12, LONDON))).containsExactly(
                new Figures.Engagement("Testshire Council", 1, 0, 1, 0));
        assertThat(figures.engagement(figures.periodStart(4, LONDON))).containsExactly(
                new Figures.Engagement("Testshire Council", 1, 0, 0, 0));
        assertThat(figures.newsletterIssues(figures.periodStart(12, LONDON))).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("November");
            assertThat(i.recipients()).isEqualTo(1);
            assertThat(i.delivered()).isZero();
            assertThat(i.blocked()).isEqualTo(1);
            assertThat(i.unsubscribes()).isEqualTo(1);
            assertThat(i.taps()).isEqualTo(1);
        });
        assertThat(figures.newsletterIssues(figures.periodStart(4, LONDON))).isEmpty();
        // the issue and the organisation are from before the last 4 weeks, not before the last 12
        assertThat(figures.anyBefore(Figures.Before.NEWSLETTERS, figures.periodStart(4, LONDON), LONDON)).isTrue();
        assertThat(figures.anyBefore(Figures.Before.NEWSLETTERS, figures.periodStart(12, LONDON), LONDON)).isFalse();
        assertThat(figures.anyBefore(Figures.Before.ORGANISATIONS, figures.periodStart(4, LONDON), LONDON)).isTrue();
        assertThat(figures.anyBefore(Figures.Before.REMINDERS, figures.periodStart(4, LONDON), LONDON)).isFalse();
        assertThat(figures.organisationsPerWeek(12, LONDON)).hasSize(12).filteredOn(c -> c.count() > 0)
                .singleElement().satisfies(c -> assertThat(c.count()).isEqualTo((int) store.organisations().all()
                        .stream().filter(o -> o.networkMember()).count()));
        assertThat(figures.organisationsPerWeek(4, LONDON)).extracting(Figures.Count::count).containsOnly(0);
        assertThat(figures.periodStart(4, LONDON)).isEqualTo(LocalDate.of(2026, 3, 23).atStartOfDay(LONDON)
                .toInstant());
    }

    private long organisation(String name) {
        ImportSections.importer(store, MilestoneDates.defaults()).importSources(List.of(new ImportSource(
                "organisations.csv", "name,category,region,network_member,notes\n" + name + ",full,london,true,\n")));
        return store.organisations().findByName(name).orElseThrow().id();
    }

    private void register(long telegramId, long organisation) {
        store.members().recordContact(telegramId, "Ada", Optional.empty(), "en");
        store.members().saveProfile(telegramId, new Profile(Optional.of(organisation), Optional.empty(),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("london")));
    }
}
