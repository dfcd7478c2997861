package org.ccin.store;

/** Storage failed (the database file cannot be opened, migrated, or written). The cause is always kept. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
