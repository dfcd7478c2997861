package org.ccin.store.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final Duration WEEK = Duration.ofDays(7);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private NoticeRepository notices;
    private long housing;
    private long climate;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        notices = store.groups().notices();
        housing = store.groups().catalogue().create("housing", -1001, "Housing").id();
        climate = store.groups().catalogue().create("climate", -1002, "Climate").id();
    }

    @Test
    @DisplayName("An announced removal is open, with why, when it was announced and when it falls due")
    void announce() {
        Notice notice = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));

        assertThat(notice).isEqualTo(new Notice(notice.id(), 42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START,
                START.plus(WEEK), Optional.empty()));
        assertThat(notices.open()).containsExactly(notice);
    }

    @Test
    @DisplayName("Announcing again for the same person, group and reason while one is open returns the open one unchanged")
    void announceTwice() {
        Notice first = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        clock.advance(Duration.ofDays(1));

        Notice again = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK).plus(WEEK));

        assertThat(again).isEqualTo(first);
        assertThat(notices.open()).containsExactly(first);
    }

    @Test
    @DisplayName("Another reason, group or person is a notice of its own; open notices come by when they fall due")
    void separateNotices() {
        Notice c = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        Notice a = notices.announce(42, housing, Notice.Reason.ORGANISATION_LEFT, START.plus(Duration.ofDays(1)));
        Notice b = notices.announce(42, climate, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(Duration.ofDays(3)));
        Notice d = notices.announce(43, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(Duration.ofDays(10)));

        assertThat(notices.open()).containsExactly(a, b, c, d);
    }

    @Test
    @DisplayName("A reminded notice says when it was reminded, and stays open")
    void reminded() {
        Notice notice = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        clock.advance(Duration.ofDays(5));

        notices.reminded(notice.id());

        assertThat(notices.open()).singleElement()
                .satisfies(n -> assertThat(n.remindedAt()).contains(START.plus(Duration.ofDays(5))));
    }

    @Test
    @DisplayName("A notice resolved before its reminder keeps no reminder time")
    void remindedAfterResolved() {
        Notice notice = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        notices.resolve(notice.id(), "accepted");

        notices.reminded(notice.id());

        Optional<String> remindedAt = store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT reminded_at FROM membership_notices WHERE id = :id").bind("id", notice.id())
                .mapTo(String.class).findOne());
        assertThat(remindedAt).isEmpty();
    }

    @Test
    @DisplayName("A resolved notice is closed; after that, announcing again opens a new one")
    void resolve() {
        Notice first = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));

        notices.resolve(first.id(), "accepted");
        notices.resolve(first.id(), "removed");
        notices.resolve(999, "removed");

        assertThat(notices.open()).isEmpty();
        Notice second = notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(notices.open()).containsExactly(second);
    }

    @Test
    @DisplayName("Withdrawing all of a person's notices for a reason closes those in every group, and no others")
    void resolveAll() {
        notices.announce(42, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        notices.announce(42, climate, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));
        Notice otherReason = notices.announce(42, housing, Notice.Reason.ORGANISATION_LEFT, START.plus(WEEK));
        Notice otherPerson = notices.announce(43, housing, Notice.Reason.RULES_NOT_ACCEPTED, START.plus(WEEK));

        notices.resolveAll(42, Notice.Reason.RULES_NOT_ACCEPTED, "accepted");

        assertThat(notices.open()).containsExactlyInAnyOrder(otherReason, otherPerson);
    }
}
