package org.ccin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.ccin.store.internal.FairWriterTransactions;
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
 * another writer waits. Readers outside transactions never block in WAL mode. Within this process, transactions
 * take their turn at the writer lock first come, first served ({@link FairWriterTransactions}).
 *
 * <p>Connections come from a small pool: each SQLite connection keeps its own page cache, so a connection per call
 * would read every page from disk again. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_SIZE = 8;
    /** Per connection, in KiB (negative: SQLite reads it as KiB). */
    private static final int CACHE_KIB = 16_384;
    private static final long MMAP_BYTES = 256L * 1024 * 1024;

    private final Path file;
    private final Jdbi jdbi;
    private final HikariDataSource pool;

    private Database(Path file, Jdbi jdbi, HikariDataSource pool) {
        this.file = file;
        this.jdbi = jdbi;
        this.pool = pool;
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
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setDataSource(dataSource);
        poolConfig.setPoolName("sqlite-" + absolute.getFileName());
        poolConfig.setMaximumPoolSize(POOL_SIZE);
        poolConfig.setMinimumIdle(1);
        poolConfig.setConnectionTimeout(BUSY_TIMEOUT_MILLIS * 3L);
        HikariDataSource pool = new HikariDataSource(poolConfig);
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setTransactionHandler(FairWriterTransactions.around(jdbi.getTransactionHandler(),
                Duration.ofMillis(BUSY_TIMEOUT_MILLIS)));
        jdbi.installPlugin(new SqlObjectPlugin());
        InstantMapping.install(jdbi);
        return new Database(absolute, jdbi, pool);
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-CACHE_KIB);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(MMAP_BYTES));
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

    /** Closes the pool's connections; the file stays as it is. */
    @Override
    public void close() {
        pool.close();
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
