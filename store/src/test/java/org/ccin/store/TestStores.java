package org.ccin.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ccin.config.ManualClock;

/** A real SQLite file in a test's temporary folder, migrated, with a clock the test controls. */
public final class TestStores {
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private TestStores() {
    }

    public static Store open(Path folder, ManualClock clock) {
        return new Store(Database.open(folder.resolve("test.db")), clock, Duration.ofHours(24));
    }
}
