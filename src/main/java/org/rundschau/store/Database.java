package org.rundschau.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.model.FileErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store's database, migrated by the numbered scripts in {@code /db/<dialect>}: a SQLite file
 * in WAL mode (the embedded default), or a PostgreSQL database that several Rundschau nodes share.
 *
 * <p>Thread-safety: writes ({@link #write}) are synchronized on this object, so one process runs
 * one transaction at a time, whatever the dialect. Rundschau's writers are a few scheduler
 * threads; serialising them in Java costs nothing that matters and rules out interleaved
 * transactions. On SQLite reads share that lock (one connection); on PostgreSQL they run
 * alongside, each on a pooled connection, so a read never waits for another node's write.
 *
 * <p>SQLite: one shared connection. Another process on the same file (a {@code once} run beside
 * {@code run}) waits up to the busy timeout: transactions start with {@code BEGIN IMMEDIATE}, so
 * they never deadlock upgrading a read lock.
 *
 * <p>PostgreSQL: a small connection pool (HikariCP), so that a server restart or a dropped
 * connection heals by itself. Every write transaction first takes one transaction-scoped advisory
 * lock, so writes are serialised across all nodes exactly as SQLite serialises them across
 * processes: the store's read-then-write logic (identity, duplicates, the archive's sequence
 * numbers) stays correct without relying on a stricter isolation level. Migrations take a second
 * advisory lock, so nodes starting together migrate once.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** A table's statistics are refreshed when the rows added since are this share of what they counted. */
    static final double ANALYZE_SHARE = 0.1;
    /** How long {@link #refreshStatistics} waits for ANALYZE's lock before it goes on without. */
    static final Duration ANALYZE_LOCK_TIMEOUT = Duration.ofMillis(200);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** SQLite: checkpoint the write-ahead log when it holds this many pages (SQLite's default: 1,000). */
    static final int WAL_CHECKPOINT_PAGES = 10_000;
    /** SQLite: a write-ahead log grown beyond this (a long reader held off checkpoints) is truncated to it afterwards. */
    static final int WAL_SIZE_LIMIT_BYTES = 64 << 20;
    /** Advisory lock keys (PostgreSQL): one number space per database, chosen not to collide by accident. */
    static final long WRITE_LOCK = 0x52756e6473636801L;      // "Rundsch" + 1
    static final long MIGRATION_LOCK = 0x52756e6473636802L;
    /** Held while one node publishes the feeds (see {@link #exclusively}). */
    public static final long PUBLISH_LOCK = 0x52756e6473636803L;
    /** Held while one node brings the shared schedule in line with its config. */
    public static final long SCHEDULE_LOCK = 0x52756e6473636804L;
    private static final Duration POOL_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The store's connections on PostgreSQL: the writer, publishing, scheduling, and reads beside them. */
    static final int POOL_SIZE = 6;
    /**
     * A transaction left open by a node that lost its network would hold the cluster's write lock
     * until the server notices; PostgreSQL ends such a session after this.
     */
    static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

    private final Dialect dialect;
    private final String location;
    private final Path file;
    private final Connection connection;        // SQLite
    private final HikariDataSource pool;        // PostgreSQL
    private volatile boolean closed;
    private Statements kept;                    // SQLite: the one connection's statements, guarded by this

    private Database(Dialect dialect, String location, Path file, Connection connection, HikariDataSource pool) {
        this.dialect = dialect;
        this.location = location;
        this.file = file;
        this.connection = connection;
        this.pool = pool;
    }

    /**
     * Opens (creating the file and its parent folders if needed) and migrates a SQLite database.
     *
     * @throws StoreException when the file cannot be created or read as SQLite, a migration fails
     *                        (it is rolled back), or the schema is newer than this code knows
     */
    public static Database open(Path file) throws StoreException {
        return open(file, Migration.fromClasspath(Dialect.SQLITE));
    }

    /**
     * Opens and migrates the configured database.
     *
     * @throws StoreException when it cannot be reached or used, a migration fails (it is rolled
     *                        back), or the schema is newer than this code knows
     */
    public static Database open(DatabaseConfig config) throws StoreException {
        return open(config, Migration.fromClasspath(Dialect.of(config)));
    }

    static Database open(Path file, List<Migration> migrations) throws StoreException {
        return migrated(new Database(Dialect.SQLITE, file.toString(), file, connect(file), null), migrations);
    }

    static Database open(DatabaseConfig config, List<Migration> migrations) throws StoreException {
        if (config instanceof DatabaseConfig.Sqlite sqlite) return open(sqlite.file(), migrations);
        DatabaseConfig.Postgres postgres = (DatabaseConfig.Postgres) config;
        return migrated(new Database(Dialect.POSTGRESQL, postgres.url(), null, null, pool(postgres, "rundschau-store", POOL_SIZE)),
                migrations);
    }

    private static Database migrated(Database db, List<Migration> migrations) throws StoreException {
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
            throw StoreException.explained("could not create the folder for database " + file + ": "
                    + FileErrors.reason(e, file.toAbsolutePath().getParent()), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Statement journals and sort tables in memory, not in files under /var/tmp: halves the
        // write calls of a cold cycle (docs/benchmarks.md) and cannot fail on a full /var/tmp.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Checkpoint the WAL every 10,000 pages (about 40 MiB) instead of SQLite's 1,000: a cold save of
        // 20 new items dirties a few hundred pages (the headline buckets land on random pages), so the
        // default checkpointed every second or third save, copying and syncing the same pages again
        // each time. Measured with bench.StoreReplay: a save's CPU -9 % (docs/benchmarks.md). The
        // size limit truncates a WAL that a long reader made grow beyond that, after its checkpoint.
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(WAL_CHECKPOINT_PAGES));
        config.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
        try {
            // Setting the journal mode reads the header: a file that is not SQLite fails here.
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw StoreException.explained(file + " is not an SQLite database (Rundschau's store); point `database:`"
                        + " at another file or move it away", e);
            }
            throw new StoreException("could not open database " + file, e);
        }
    }

    /**
     * A connection pool for a PostgreSQL database; the first connection is made here, so a wrong
     * address or password fails at once.
     *
     * @param name for the pool's threads and log lines
     */
    public static HikariDataSource pool(DatabaseConfig.Postgres config, String name, int size) throws StoreException {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(POOL_CONNECT_TIMEOUT.toMillis());
        hikari.setInitializationFailTimeout(1);   // fail now, with the driver's reason, when the server is unusable
        // Pinned whatever the server's default: a write's statements must see the commits made while
        // it waited for the write lock, which a REPEATABLE READ snapshot taken before would not.
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setConnectionInitSql("SET idle_in_transaction_session_timeout = '"
                + IDLE_IN_TRANSACTION_TIMEOUT.toMillis() + "ms'");
        hikari.addDataSourceProperty("ApplicationName", "rundschau");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");   // notice a server that went away
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            SQLException cause = e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
            throw new StoreException("could not connect to database " + config.url(), cause);
        }
    }

    private void migrate(List<Migration> migrations) throws StoreException {
        if (dialect == Dialect.SQLITE) {
            migrateNow(migrations);
            return;
        }
        // Held on a connection of its own for the whole migration, so that every transaction of it
        // starts after another node's migration committed (and sees its tables: a transaction that
        // began before that commit might not, even in READ COMMITTED, as the server caches names).
        exclusively(MIGRATION_LOCK, "migrate " + location, () -> {
            migrateNow(migrations);
            return null;
        });
    }

    private void migrateNow(List<Migration> migrations) throws StoreException {
        int known = migrations.size();
        int current = read("read the schema version of " + location, this::schemaVersion);
        if (current > known) {
            throw new StoreException("database schema version " + current + " is newer than this Rundschau (knows "
                    + known + "): upgrade Rundschau [db=" + location + "]", null);
        }
        for (Migration migration : migrations) {
            write("apply schema migration " + migration.name() + " to " + location, c -> {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                if (schemaVersion(c) < migration.version()) apply(c, migration);
                return null;
            });
        }
    }

    private void apply(Connection c, Migration migration) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (dialect == Dialect.SQLITE) {
                st.executeUpdate(migration.sql());   // sqlite-jdbc runs every statement of the script
                st.executeUpdate("PRAGMA user_version = " + migration.version());
            } else {
                st.execute(migration.sql());         // pgjdbc runs every statement of the script
                st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                st.executeUpdate("DELETE FROM schema_version");
                st.executeUpdate("INSERT INTO schema_version (version) VALUES (" + migration.version() + ")");
            }
        }
        log.info("store: applied schema migration {}/{}", dialect.folder(), migration.name());
    }

    /** The version recorded by the last applied migration; 0 for a new database. */
    int schemaVersion(Connection c) throws SQLException {
        if (dialect == Dialect.POSTGRESQL && !hasTable(c, "schema_version")) return 0;
        String sql = dialect == Dialect.SQLITE ? "PRAGMA user_version"
                : "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether the current schema (PostgreSQL's search path) has {@code table}. */
    public static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void lock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }

    /**
     * A commit whose outcome is unknown: the server may have applied it before the connection
     * broke, so the transaction is not tried again.
     */
    private static final class CommitFailed extends SQLException {
        CommitFailed(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    /** Work on the connection; must not commit, roll back or change auto-commit. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Work that needs no connection of its own; see {@link #exclusively}. */
    @FunctionalInterface
    public interface Task<T, E extends Exception> {
        T run() throws StoreException, E;
    }

    /**
     * Runs read-only work outside any explicit transaction.
     *
     * @param doing what is being done, for the error message ("read the newest 100 entries")
     */
    <T> T read(String doing, Work<T> work) throws StoreException {
        try {
            if (pool == null) {
                synchronized (this) {   // the one connection, and close(), are guarded by this
                    ensureOpen();
                    return work.on(connection);
                }
            }
            ensureOpen();
            return pooled(work);
        } catch (SQLException e) {
            throw new StoreException("could not " + doing, e);
        }
    }

    /**
     * Runs work on a pooled connection; once more on a fresh one when the first turns out to be
     * gone (the server restarted, failed over or ended the session). A lost write transaction was
     * rolled back by the server, so repeating it is safe.
     */
    private <T> T pooled(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            if (!connectionLost(e) || e instanceof CommitFailed) throw e;
            log.info("store: connection to {} lost ({}); trying once more on a new one", location, e.getMessage());
            pool.getHikariPoolMXBean().softEvictConnections();   // its idle siblings are most likely gone too
            try (Connection c = pool.getConnection()) {
                return work.on(c);
            }
        }
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down, crashed, starting). */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws. On
     * PostgreSQL the transaction holds the cluster-wide write lock.
     *
     * @param doing what is being done, for the error message ("save 20 items of source kommune21")
     */
    synchronized <T> T write(String doing, Work<T> work) throws StoreException {
        ensureOpen();
        try {
            if (pool == null) return inTransaction(connection, work);
            return pooled(c -> inTransaction(c, inside -> {
                lock(inside, WRITE_LOCK);
                return work.on(inside);
            }));
        } catch (SQLException e) {
            throw new StoreException("could not " + doing, e);
        }
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.on(c);
            try {
                c.commit();
            } catch (SQLException e) {
                throw new CommitFailed(e);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Runs {@code task} while no other node sharing this database runs a task under the same
     * {@code key}: on PostgreSQL under a session advisory lock, held on a connection of its own
     * (released by the server if this process dies). A SQLite database has one writing process
     * (see {@link WriterLock}), so the task simply runs. The task may use this database.
     *
     * @param doing what is being done, for the error message ("publish the feeds")
     */
    public <T, E extends Exception> T exclusively(long key, String doing, Task<T, E> task) throws StoreException, E {
        HikariDataSource p;
        synchronized (this) {
            ensureOpen();
            p = pool;
        }
        if (p == null) return task.run();
        try (Connection c = p.getConnection()) {
            return holding(c, key, task);
        } catch (SQLException e) {
            throw new StoreException("could not " + doing + " (cluster lock)", e);
        }
    }

    /**
     * Runs {@code task} holding the PostgreSQL session advisory lock {@code key} on {@code c}:
     * waits for it, and gives it back afterwards (a session that is gone has given it back already).
     */
    public static <T, E extends Exception> T holding(Connection c, long key, Task<T, E> task)
            throws SQLException, StoreException, E {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
        try {
            return task.run();
        } finally {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.executeQuery().close();
            } catch (SQLException e) {
                // The session may still hold the lock: end it, so that it never goes back to the pool.
                log.warn("store: could not release cluster lock {}: {}; closing its connection", key, e.getMessage());
                try {
                    c.abort(Runnable::run);
                } catch (SQLException | RuntimeException ignored) {
                    // closing it was the point; the server ends the session either way
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database " + location + " is closed");
    }

    /** The SQL dialect, for the few statements that differ. */
    public Dialect dialect() {
        return dialect;
    }

    /** The SQLite file this database lives in; empty for PostgreSQL. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The file or the JDBC URL, for messages. */
    public String location() {
        return location;
    }

    /**
     * Has PostgreSQL's planner read the statistics of {@code tables} anew, inside the caller's write
     * transaction, when they are missing or {@code newRows} (added to the first table since the last
     * refresh) are a tenth of what they counted, autovacuum's own rule. The transaction's own rows
     * count there, which no ANALYZE of another session (autovacuum's) can see, and the plans cached
     * on this connection are made again. Statistics only make lookups cheaper: an ANALYZE that fails
     * or would wait more than {@link #ANALYZE_LOCK_TIMEOUT} for its lock (a VACUUM running) is
     * undone to a savepoint and logged, and the work goes on. Nothing on SQLite, whose planner
     * needs no statistics for the store's lookups.
     *
     * @return whether the statistics were refreshed
     */
    boolean refreshStatistics(Connection c, long newRows, String... tables) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) return false;
        double counted;
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, tables[0]);
            try (ResultSet rs = ps.executeQuery()) {
                counted = rs.next() ? rs.getDouble(1) : -1;
            }
        }
        if (counted > 0 && newRows < ANALYZE_SHARE * counted) return false;   // 0 or -1: never analysed
        String names = String.join(", ", tables);
        Savepoint before = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '" + ANALYZE_LOCK_TIMEOUT.toMillis() + "ms'");
            st.execute("ANALYZE " + names);
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                // a role that does not own the tables
                log.warn("store: planner statistics of {} not refreshed: {} [db={}]", names, w.getMessage(), location);
            }
            st.execute("SET LOCAL lock_timeout TO DEFAULT");
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            c.rollback(before);
            log.warn("store: planner statistics of {} not refreshed, going on without: {} [db={}]", names,
                    e.getMessage(), location);
            return false;
        }
    }

    /**
     * The prepared statements for a unit of work on {@code c}, to be closed when it ends. On SQLite's
     * one connection they are kept prepared from one unit of work to the next (SQLite prepares a
     * statement afresh if the schema changed): a save runs about twenty statements, and preparing
     * them for every save was measurable (docs/benchmarks.md). Call only inside {@link #read} or
     * {@link #write} work, which hold the lock that guards them; on PostgreSQL the driver keeps its
     * own server-side statements per connection, and these are fresh for each unit of work.
     */
    Statements statements(Connection c) {
        if (pool != null || c != connection) return new Statements(c);
        if (kept == null) kept = Statements.kept(connection);
        return kept;
    }

    /**
     * Closes the connection (SQLite checkpoints the WAL into the main file) or the pool. Safe to
     * call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (pool != null) {
            pool.close();
            return;
        }
        try {
            if (kept != null) kept.release();
        } catch (SQLException e) {
            log.warn("store: could not close the prepared statements of database {}: {}", location, e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("store: could not close database {} cleanly: {}", location, e.getMessage(), e);
        }
    }

    /** The SQL dialects the store speaks, each with its own folder of migrations. */
    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }

        String folder() {
            return folder;
        }

        static Dialect of(DatabaseConfig config) {
            Objects.requireNonNull(config, "config");
            return config instanceof DatabaseConfig.Sqlite ? SQLITE : POSTGRESQL;
        }
    }
}
