package org.rundschau.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.testing.TestPostgres;

/**
 * The databases of one store test, in either dialect, so that every store test runs on SQLite and
 * on a real PostgreSQL server (see {@link TestPostgres}). A name stands for one database for the
 * whole test: opening it again reopens what was stored, as reopening a file does.
 */
final class TestStore implements AutoCloseable {

    /** The dialects every store test runs on. */
    enum Backend { SQLITE, POSTGRESQL }

    private final Backend backend;
    private final Path dir;
    private final Map<String, String> postgresUrls = new LinkedHashMap<>();
    private final List<Database> opened = new ArrayList<>();

    /** @param dir a temporary folder for SQLite files */
    TestStore(Backend backend, Path dir) {
        this.backend = backend;
        this.dir = dir;
        if (backend == Backend.POSTGRESQL) TestPostgres.assumeAvailable();
    }

    Backend backend() {
        return backend;
    }

    Database.Dialect dialect() {
        return backend == Backend.SQLITE ? Database.Dialect.SQLITE : Database.Dialect.POSTGRESQL;
    }

    /** The database called {@code name}, migrated to the shipped schema. */
    Database open(String name) throws StoreException {
        return open(name, Migration.fromClasspath(dialect()));
    }

    /** The database called {@code name}, migrated by {@code migrations} only. */
    Database open(String name, List<Migration> migrations) throws StoreException {
        Database db = Database.open(config(name), migrations);
        opened.add(db);
        return db;
    }

    /** Where the database called {@code name} lives. */
    DatabaseConfig config(String name) {
        if (backend == Backend.SQLITE) return new DatabaseConfig.Sqlite(dir.resolve(name));
        String url = postgresUrls.computeIfAbsent(name, n -> TestPostgres.freshDatabase());
        return new DatabaseConfig.Postgres(url, Optional.empty(), Optional.empty(), DatabaseConfig.ClusterConfig.DEFAULTS);
    }

    /** Closes every database opened here and drops the PostgreSQL ones. */
    @Override
    public void close() {
        opened.forEach(Database::close);
        postgresUrls.values().forEach(TestPostgres::drop);
    }
}
