package org.ccin.store.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ccin.store.Database;
import org.ccin.store.StoreException;

/**
 * Consistent copies of the database while the bot runs ({@code VACUUM INTO}: a transaction-consistent, compact copy),
 * kept in a folder with rotation, and restoring one (with the bot stopped).
 */
public final class Backups {
    private static final String PREFIX = "ccin-bot-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Clock clock;

    public Backups(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Writes a backup into the folder (created if needed) and keeps only the newest {@code keep}. @return its path */
    public Path backup(Path folder, int keep) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(PREFIX + STAMP.format(clock.instant()) + ".db").toAbsolutePath();
            if (Files.exists(target)) {
                return target;
            }
            database.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", target.toString()));
            for (Path old : list(folder).stream().skip(keep).toList()) {
                Files.deleteIfExists(old);
            }
            return target;
        } catch (IOException e) {
            throw new StoreException("the backup folder " + folder + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** The backups in a folder, newest first. */
    public static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> backups = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".db")).toList());
            backups.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts a backup in place of the database file, with the bot stopped. The backup is checked first (a SQLite file
     * of this bot that passes an integrity check); the current file is kept beside it as
     * {@code <file>.before-restore-<time>}. @return where the replaced file was kept, if there was one
     */
    public static java.util.Optional<Path> restore(Path backup, Path databaseFile, Clock clock) {
        check(backup);
        try {
            Path target = databaseFile.toAbsolutePath();
            Files.createDirectories(target.getParent());
            java.util.Optional<Path> kept = java.util.Optional.empty();
            if (Files.exists(target)) {
                Path aside = target.resolveSibling(target.getFileName() + ".before-restore-"
                        + STAMP.format(clock.instant()));
                Files.move(target, aside, StandardCopyOption.REPLACE_EXISTING);
                kept = java.util.Optional.of(aside);
            }
            // the old write-ahead log belongs to the old file: it must not be replayed into the restored one
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
            Files.copy(backup, target, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new StoreException("the backup could not be restored to " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    private static void check(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("there is no backup file " + backup, null);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup.toAbsolutePath()
                + "?open_mode=1"); Statement statement = connection.createStatement()) {
            try (ResultSet integrity = statement.executeQuery("PRAGMA integrity_check")) {
                if (!integrity.next() || !"ok".equals(integrity.getString(1))) {
                    throw new StoreException(backup + " is damaged (integrity check failed)", null);
                }
            }
            try (ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                    + "AND name IN ('members', 'flyway_schema_history')")) {
                if (!tables.next() || tables.getInt(1) != 2) {
                    throw new StoreException(backup + " is not a backup of this bot's database", null);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(backup + " is not a SQLite database: " + e.getMessage(), e);
        }
    }
}
