package org.ccin.store.internal;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Something built from tables whose changes a trigger counts in {@code data_versions} (V22, V23), kept in memory and
 * built again only when that count moved: reading one number per use instead of the tables. Any writer's change (the
 * chat, an import, another process) is seen at the next use. The count is read before the tables, so a change made
 * meanwhile costs one more build, never a stale copy. Thread-safe.
 */
public final class VersionedCache<T> {
    private final Jdbi jdbi;
    private final String name;
    private volatile Held<T> held;

    private record Held<T>(long version, T value) {
    }

    /** @param name the row of {@code data_versions} that counts the changes of what {@code T} is built from */
    public VersionedCache(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.name = name;
    }

    /** The value for the tables as they are now; {@code build} runs only when they changed since the last one. */
    public T get(Function<Handle, T> build) {
        return jdbi.withHandle(h -> {
            long version = h.createQuery("SELECT version FROM data_versions WHERE name = :name").bind("name", name)
                    .mapTo(Long.class).one();
            Held<T> current = held;
            if (current != null && current.version() == version) {
                return current.value();
            }
            T fresh = build.apply(h);
            held = new Held<>(version, fresh);
            return fresh;
        });
    }
}
