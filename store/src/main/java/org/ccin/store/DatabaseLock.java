package org.ccin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Who works on a database file: the running bot holds this lock (a file beside the database, {@code <file>.lock})
 * for as long as it runs, so that {@code backup} and {@code restore} can refuse to work under it, and a second bot
 * cannot start on the same file. The operating system releases the lock when the process ends, however it ends.
 */
public final class DatabaseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock; empty when another process (or this one) holds it. */
    public static Optional<DatabaseLock> tryAcquire(Path databaseFile) {
        Path file = lockFile(databaseFile);
        FileChannel channel = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new DatabaseLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Takes the lock, or fails with one line saying that a bot runs on the database. */
    public static DatabaseLock acquire(Path databaseFile, String whatNeedsIt) {
        return tryAcquire(databaseFile).orElseThrow(() -> new StoreException("a running ccin-bot holds "
                + databaseFile.toAbsolutePath() + ": stop it first (systemctl stop ccin-bot), then " + whatNeedsIt));
    }

    public static Path lockFile(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
