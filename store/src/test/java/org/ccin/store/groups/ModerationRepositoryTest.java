package org.ccin.store.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.groups.ModerationRepository.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerationRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final People PEOPLE = new People(42, "Ada", 43, "Bo");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private ModerationRepository moderation;
    private long housing;
    private long climate;

    @BeforeEach
    void open() {
        Store store = TestStores.open(dir, clock);
        moderation = store.groups().moderation();
        housing = store.groups().catalogue().create("housing", -1001, "Housing").id();
        climate = store.groups().catalogue().create("climate", -1002, "Climate").id();
    }

    private Report report() {
        return moderation.report(housing, PEOPLE, 555, Optional.of(9), "an unkind remark");
    }

    @Test
    @DisplayName("A report keeps the group, who reported whom by name, the message and its excerpt, and is open")
    void reportIsKept() {
        Report report = report();

        assertThat(report).isEqualTo(new Report(report.id(), housing, 42, 43, 555, Optional.of(9), "an unkind remark",
                Report.Status.OPEN, Optional.empty(), START, "Ada", "Bo", Optional.empty()));
        assertThat(report.isOpen()).isTrue();
        assertThat(report.messageDeleted()).isFalse();
        assertThat(moderation.find(report.id())).contains(report);
        assertThat(moderation.find(report.id() + 1)).isEmpty();
    }

    @Test
    @DisplayName("A report is handled once: a second moderator's action is refused and the first one stands")
    void handleOnce() {
        Report report = report();

        assertThat(moderation.handle(report.id(), Report.Status.WARNED, 7)).isTrue();
        assertThat(moderation.handle(report.id(), Report.Status.DISMISSED, 8)).isFalse();
        assertThat(moderation.handle(999, Report.Status.DISMISSED, 8)).isFalse();

        Report handled = moderation.find(report.id()).orElseThrow();
        assertThat(handled.status()).isEqualTo(Report.Status.WARNED);
        assertThat(handled.handledBy()).contains(7L);
        assertThat(handled.isOpen()).isFalse();
    }

    @Test
    @DisplayName("The reported message is recorded as deleted once, by whoever did it first")
    void messageDeletedOnce() {
        Report report = report();

        assertThat(moderation.messageDeleted(report.id(), 7)).isTrue();
        assertThat(moderation.messageDeleted(report.id(), 8)).isFalse();

        assertThat(moderation.find(report.id()).orElseThrow().messageDeletedBy()).contains(7L);
        assertThat(moderation.find(report.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    @DisplayName("Each moderator has one card per report: a newer card replaces theirs; cards of other reports stay apart")
    void cards() {
        Report report = report();
        Report other = moderation.report(climate, PEOPLE, 556, Optional.empty(), "spam");
        moderation.addCard(report.id(), 20, 1);
        moderation.addCard(report.id(), 10, 2);
        moderation.addCard(other.id(), 10, 3);

        moderation.addCard(report.id(), 20, 4);

        assertThat(moderation.cards(report.id())).containsExactly(new ReportCard(report.id(), 10, 2),
                new ReportCard(report.id(), 20, 4));
        assertThat(moderation.cards(other.id())).containsExactly(new ReportCard(other.id(), 10, 3));
        assertThat(moderation.cards(999)).isEmpty();
    }

    @Test
    @DisplayName("Warnings count up per person and group")
    void warnings() {
        Report report = report();

        assertThat(moderation.warnings(housing, 43)).isZero();
        assertThat(moderation.warn(housing, 43, 7, Optional.of(report.id()))).isEqualTo(1);
        assertThat(moderation.warn(housing, 43, 8, Optional.empty())).isEqualTo(2);
        assertThat(moderation.warn(climate, 43, 7, Optional.empty())).isEqualTo(1);
        assertThat(moderation.warn(housing, 44, 7, Optional.empty())).isEqualTo(1);

        assertThat(moderation.warnings(housing, 43)).isEqualTo(2);
        assertThat(moderation.warnings(climate, 43)).isEqualTo(1);
    }
}
