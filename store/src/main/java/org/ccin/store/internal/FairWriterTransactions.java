package org.ccin.store.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.ccin.store.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Lets this process's transactions take SQLite's single writer lock in the order they asked for it.
 *
 * <p>Why: every transaction begins IMMEDIATE, and a connection that finds the writer lock taken waits in SQLite's
 * busy handler, which sleeps in growing steps (1, 2, 5, 10 … 100 ms) between tries. A tight loop of short
 * transactions (a newsletter queueing 10,000 deliveries in chunks) takes the lock again the moment it lets go, so a
 * member's reply asleep in that handler keeps missing its turn: hundreds of milliseconds for a few milliseconds of
 * work. A fair lock in front of BEGIN hands the writer to the longest waiter as soon as it is free. Writers in other
 * processes (the backup command) still meet SQLite's busy timeout as before.
 */
public final class FairWriterTransactions implements TransactionHandler {
    private final TransactionHandler delegate;
    private final ReentrantLock writer;
    private final Duration timeout;

    private FairWriterTransactions(TransactionHandler delegate, ReentrantLock writer, Duration timeout) {
        this.delegate = delegate;
        this.writer = writer;
        this.timeout = timeout;
    }

    /** Wraps the handler Jdbi would use; transactions wait at most {@code timeout} for their turn. */
    public static FairWriterTransactions around(TransactionHandler delegate, Duration timeout) {
        return new FairWriterTransactions(delegate, new ReentrantLock(true), timeout);
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        // the delegate binds itself to each handle; the lock stays one for the whole database
        return new FairWriterTransactions(delegate.specialize(handle), writer, timeout);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        awaitTurn();
        try {
            return delegate.inTransaction(handle, callback);
        } finally {
            writer.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        awaitTurn();
        try {
            return delegate.inTransaction(handle, level, callback);
        } finally {
            writer.unlock();
        }
    }

    private void awaitTurn() {
        try {
            if (!writer.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("the database is busy: no turn to write within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to write to the database", e);
        }
    }

    @Override
    public void begin(Handle handle) {
        delegate.begin(handle);
    }

    @Override
    public void commit(Handle handle) {
        delegate.commit(handle);
    }

    @Override
    public void rollback(Handle handle) {
        delegate.rollback(handle);
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return delegate.isInTransaction(handle);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        delegate.savepoint(handle, name);
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        delegate.rollbackToSavepoint(handle, name);
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        delegate.releaseSavepoint(handle, name);
    }
}
