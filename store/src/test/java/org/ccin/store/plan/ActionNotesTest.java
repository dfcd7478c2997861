package org.ccin.store.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overdue worked out from an action's milestones, and the notes the plan shows: whose, when, newest first. */
class ActionNotesTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private Action welcomePack;

    @BeforeEach
    void load() {
        store = TestStores.open(dir, clock);
        KnowledgeFixture.load(store);
        welcomePack = store.plans().byCode("1.4").get(0);
    }

    private static Action action(Progress progress, Milestone... milestones) {
        return new Action(1, "p", "9.9", 1, "9", "An action", progress, List.of(), List.of(milestones), List.of(),
                List.of(), Optional.empty());
    }

    private static Milestone milestone(String due, boolean done) {
        return new Milestone(1, 1, 0, "label", Optional.ofNullable(due).map(LocalDate::parse), done);
    }

    @Test
    @DisplayName("Overdue since the earliest undone milestone due before today; never when complete, done or undated")
    void overdueSince() {
        LocalDate today = LocalDate.of(2024, 9, 1);
        Action late = action(Progress.ON_TRACK, milestone("2024-08-31", false), milestone("2024-05-31", false),
                milestone("2026-05-31", false));
        assertThat(late.overdueSince(today)).contains(LocalDate.of(2024, 5, 31));
        // due today is not late yet
        assertThat(late.overdueSince(LocalDate.of(2024, 5, 31))).isEmpty();
        assertThat(action(Progress.AT_RISK, milestone("2024-05-31", true), milestone("2024-08-31", false))
                .overdueSince(today)).contains(LocalDate.of(2024, 8, 31));
        assertThat(action(Progress.COMPLETE, milestone("2024-05-31", false)).overdueSince(today)).isEmpty();
        assertThat(action(Progress.NOT_STARTED, milestone(null, false)).overdueSince(today)).isEmpty();
        assertThat(action(Progress.NOT_STARTED).overdueSince(today)).isEmpty();
    }

    @Test
    @DisplayName("The overdue list and an action's own overdue mark agree on the bundled plan")
    void overdueAgreesWithTheList() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        List<Long> listed = store.plans().overdue(today).stream().map(Action::id).toList();
        assertThat(listed).isNotEmpty().contains(welcomePack.id());
        for (Objective objective : store.plans().objectives(store.plans().currentPlan().orElseThrow().code())) {
            for (Action action : store.plans().actionsOf(objective.id())) {
                assertThat(action.overdueSince(today).isPresent()).as(action.code())
                        .isEqualTo(listed.contains(action.id()));
            }
        }
    }

    @Test
    @DisplayName("Notes carry the lead's name in the plan (never the member's), staff's or a former lead's; blanks are none")
    void notesAndTheirAuthors() {
        long robin = store.members().recordContact(77, "Robin", Optional.empty(), "en").id();
        store.reminders().leads().link(welcomePack.id(), "Morgan Jones", robin, LeadLink.Method.USERNAME,
                Optional.empty());
        Instant first = clock.instant();
        store.reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.of(robin), Answer.NOTE,
                Optional.of("  Printed and posted.  "));
        clock.advance(Duration.ofHours(1));
        store.reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.empty(), Answer.ON_TRACK,
                Optional.empty());
        store.reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.empty(), Answer.NOTE,
                Optional.of("   "));
        clock.advance(Duration.ofHours(1));
        store.reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.empty(), Answer.NOTE,
                Optional.of("Reprint ordered."));

        assertThat(store.plans().noteCount(welcomePack.id())).isEqualTo(2);
        assertThat(store.plans().notes(welcomePack.id(), 0, 10)).extracting(ActionNote::text, ActionNote::author,
                        ActionNote::leadName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Reprint ordered.", ActionNote.Author.STAFF,
                                Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("Printed and posted.", ActionNote.Author.LEAD,
                                Optional.of("Morgan Jones")));
        assertThat(store.plans().notes(welcomePack.id(), 1, 10)).singleElement()
                .satisfies(n -> assertThat(n.at()).isEqualTo(first));
        assertThat(store.plans().latestNote(welcomePack.id())).map(ActionNote::text).contains("Reprint ordered.");
        long other = store.plans().byCode("1.1").get(0).id();
        assertThat(store.plans().latestNotes(List.of(welcomePack.id(), other))).containsOnlyKeys(welcomePack.id());
        assertThat(store.plans().notesOf(List.of(welcomePack.id(), other))).containsOnlyKeys(welcomePack.id())
                .extractingByKey(welcomePack.id()).satisfies(all -> assertThat(all).extracting(ActionNote::text)
                        .containsExactly("Reprint ordered.", "Printed and posted."));
        assertThat(store.plans().notesSince(first.plusSeconds(1))).extracting(ActionNote::text)
                .containsExactly("Reprint ordered.");

        // once Robin's data is erased, his note is a former lead's
        store.personalData().erase(77);
        assertThat(store.plans().notes(welcomePack.id(), 1, 1)).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(ActionNote.Author.FORMER_LEAD);
            assertThat(n.leadName()).isEmpty();
        });
    }
}
