package org.ccin.store.state;

import java.time.Clock;
import java.util.Optional;
import org.ccin.store.Database;
import org.jdbi.v3.core.Jdbi;

/** Small named facts the bot keeps about itself across restarts. Thread-safe. */
public final class BotStateRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    public BotStateRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM bot_state WHERE key = :key")
                .bind("key", key).mapTo(String.class).findOne());
    }

    public void put(String key, String value) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO bot_state (key, value, updated_at) VALUES (:key, :value, :now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """).bind("key", key).bind("value", value).bind("now", clock.instant()).execute());
    }
}
