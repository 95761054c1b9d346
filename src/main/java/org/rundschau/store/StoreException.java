package org.rundschau.store;

/** The database could not be read or written. */
public final class StoreException extends Exception {
    public StoreException(String problem, Throwable cause) {
        super("store: " + problem + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }

    private StoreException(Throwable cause, String message) {
        super(message, cause);
    }

    /**
     * A problem whose message already says the cause in words ({@link org.rundschau.model.FileErrors}):
     * the cause is kept, its raw message not appended.
     */
    public static StoreException explained(String problem, Throwable cause) {
        return new StoreException(cause, "store: " + problem);
    }
}
