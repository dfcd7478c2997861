package org.ccin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ccin.store.internal.InstantMapping;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: opened in WAL mode, migrated to the newest schema on open.
 *
 * <p>Every transaction begins IMMEDIATE (the writer lock is taken at BEGIN): a deferred transaction that reads and
 * then writes can fail with SQLITE_BUSY whatever the busy timeout, because SQLite cannot upgrade its lock while
 * another writer waits. Readers outside transactions never block in WAL mode.
 *
 * <p>Thread-safe: every call opens its own connection.
 */
public final class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Jdbi jdbi;

    private Database(Path file, Jdbi jdbi) {
        this.file = file;
        this.jdbi = jdbi;
    }

    /** Opens (creating the file and its folder if needed) and migrates the database. */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of the database " + absolute + ": " + e.getMessage(), e);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(sqliteConfig());
        dataSource.setUrl("jdbc:sqlite:" + absolute);
        migrate(dataSource, absolute);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        InstantMapping.install(jdbi);
        return new Database(absolute, jdbi);
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static void migrate(SQLiteDataSource dataSource, Path file) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database {} migrated to version {} ({} migrations)", file, result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException("cannot open or migrate the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** For repositories in this module only; nothing outside {@code store} touches Jdbi. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean isHealthy() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (JdbiException e) {
            log.warn("database health check failed: {}", e.getMessage());
            return false;
        }
    }
}
