package org.rundschau.store;

import java.nio.file.Path;

/** The SQLite file: opened in WAL mode and migrated by the numbered scripts in {@code /db}. */
public final class Database implements AutoCloseable {

    public static Database open(Path file) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
