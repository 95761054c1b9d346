package org.rundschau.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: opened in WAL mode and migrated by the numbered scripts in {@code /db}.
 *
 * <p>Thread-safety: one shared JDBC connection, and every use of it ({@link #read}, {@link #write},
 * {@link #close}) is synchronized on this object. Rundschau is one process whose writers are a few
 * scheduler threads; SQLite admits one writer at a time anyway, so serialising in Java costs
 * nothing that matters and rules out interleaved transactions on the shared connection. Another
 * process on the same file (a {@code once} run beside {@code run}) waits up to the busy timeout:
 * transactions start with {@code BEGIN IMMEDIATE}, so they never deadlock upgrading a read lock.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating the file and its parent folders if needed) and migrates the database.
     *
     * @throws StoreException when the file cannot be created or read as SQLite, a migration fails
     *                        (it is rolled back), or the schema is newer than this code knows
     */
    public static Database open(Path file) throws StoreException {
        return open(file, Migration.fromClasspath());
    }

    static Database open(Path file, List<Migration> migrations) throws StoreException {
        Database db = new Database(file, connect(file));
        try {
            db.migrate(migrations);
            return db;
        } catch (StoreException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Connection connect(Path file) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("could not create the folder for database " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            // Setting the journal mode reads the header: a file that is not SQLite fails here.
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("could not open database " + file, e);
        }
    }

    private void migrate(List<Migration> migrations) throws StoreException {
        int known = migrations.size();
        int current = read("read the schema version of " + file, Database::schemaVersion);
        if (current > known) {
            throw new StoreException("database schema version " + current + " is newer than this Rundschau (knows "
                    + known + "): upgrade Rundschau [db=" + file + "]", null);
        }
        for (Migration migration : migrations) {
            write("apply schema migration " + migration.name() + " to " + file, c -> {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                if (schemaVersion(c) < migration.version()) apply(c, migration);
                return null;
            });
        }
    }

    private static void apply(Connection c, Migration migration) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(migration.sql());   // sqlite-jdbc runs every statement of the script
            st.executeUpdate("PRAGMA user_version = " + migration.version());
        }
        log.info("store: applied schema migration {}", migration.name());
    }

    /** The version recorded by the last applied migration; 0 for a new file. */
    static int schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Work on the connection; must not commit, roll back or change auto-commit. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs read-only work outside any explicit transaction.
     *
     * @param doing what is being done, for the error message ("read the newest 100 entries")
     */
    synchronized <T> T read(String doing, Work<T> work) throws StoreException {
        ensureOpen();
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StoreException("could not " + doing, e);
        }
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param doing what is being done, for the error message ("save 20 items of source kommune21")
     */
    synchronized <T> T write(String doing, Work<T> work) throws StoreException {
        ensureOpen();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + doing, e);
        }
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database " + file + " is closed");
    }

    /** The file this database lives in. */
    public Path file() {
        return file;
    }

    /** Closes the connection; SQLite checkpoints the WAL into the main file. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("store: could not close database {} cleanly: {}", file, e.getMessage(), e);
        }
    }
}
