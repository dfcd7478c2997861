package org.ccin.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.ccin.config.ManualClock;
import org.ccin.store.Database;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSearchRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private SavedSearchRepository searches;

    @BeforeEach
    void open() {
        searches = TestStores.open(dir, clock).savedSearches();
    }

    @Test
    @DisplayName("A saved search is found again by its id, for the person who ran it, exactly as saved")
    void saveAndFind() {
        SavedSearch saved = searches.save(42, "community wealth building", "{\"kind\":\"LAB\"}");

        assertThat(saved.userId()).isEqualTo(42);
        assertThat(saved.query()).isEqualTo("community wealth building");
        assertThat(saved.filters()).isEqualTo("{\"kind\":\"LAB\"}");
        assertThat(saved.createdAt()).isEqualTo(START);
        assertThat(searches.find(saved.id(), 42)).contains(saved);
    }

    @Test
    @DisplayName("Someone else's search id finds nothing (button data is chosen by the client), nor does an unknown id")
    void onlyTheOwner() {
        SavedSearch saved = searches.save(42, "housing", "{}");

        assertThat(searches.find(saved.id(), 43)).isEmpty();
        assertThat(searches.find(saved.id() + 1, 42)).isEmpty();
    }

    @Test
    @DisplayName("Each search gets its own id, even the same words by the same person")
    void ownIds() {
        SavedSearch first = searches.save(42, "housing", "{}");
        SavedSearch second = searches.save(42, "housing", "{}");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(searches.find(first.id(), 42)).contains(first);
    }

    @Test
    @DisplayName("Pruning removes searches older than the age given and keeps those exactly that old or younger")
    void prune() {
        SavedSearch old = searches.save(42, "old", "{}");
        clock.advance(Duration.ofHours(1));
        SavedSearch edge = searches.save(42, "edge", "{}");
        clock.advance(Duration.ofHours(1));
        SavedSearch young = searches.save(42, "young", "{}");

        assertThat(searches.pruneOlderThan(Duration.ofHours(1))).isEqualTo(1);
        assertThat(searches.pruneOlderThan(Duration.ofHours(1))).isZero();

        assertThat(searches.find(old.id(), 42)).isEmpty();
        assertThat(searches.find(edge.id(), 42)).contains(edge);
        assertThat(searches.find(young.id(), 42)).contains(young);
    }

    @Test
    @DisplayName("The search returned by save is the one stored, even on a clock that moves while it is saved")
    void savedIsStoredOnAMovingClock() {
        Database database = Database.open(dir.resolve("moving.db"));
        try {
            SavedSearchRepository moving = new SavedSearchRepository(database, new TickingClock(START));

            SavedSearch saved = moving.save(42, "housing", "{}");

            assertThat(moving.find(saved.id(), 42)).contains(saved);
        } finally {
            database.close();
        }
    }

    /** A clock a millisecond later at every reading, as a real one may be between two readings. */
    private static final class TickingClock extends Clock {
        private Instant next;

        TickingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plusMillis(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
