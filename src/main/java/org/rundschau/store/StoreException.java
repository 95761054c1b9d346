package org.rundschau.store;

/** The database could not be read or written. */
public final class StoreException extends Exception {
    public StoreException(String problem, Throwable cause) {
        super("store: " + problem + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }
}
