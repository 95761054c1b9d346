package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.model.Item;

/**
 * What PostgreSQL adds to {@link DatabaseTest}: the same numbered migrations as SQLite, migrated
 * once when nodes start together, writes serialised across nodes, a cluster-wide lock for tasks,
 * a pool that heals when the server drops its connections, and the planner's statistics refreshed
 * inside a large save.
 */
class PostgresDatabaseTest {

    @TempDir
    Path dir;
    TestStore stores;

    @BeforeEach
    void start() {
        stores = new TestStore(TestStore.Backend.POSTGRESQL, dir);
    }

    @AfterEach
    void stop() {
        stores.close();
    }

    @Test
    void aLargeSaveHasTheStatisticsRefreshedInsideItsTransaction() throws Exception {
        // Without statistics the planner kept plans that read all of a source's items for each
        // lookup by key, and no ANALYZE of another session sees a running save's rows.
        Database db = stores.open("rundschau");
        int items = 2 * SaveBatch.STATISTICS_EVERY + 1;

        assertThat(largeSave(db, items)).isEqualTo(items);

        assertThat(analyzeCounts(db, List.of(2L, 2L)))
                .as("ANALYZE of item and lsh_bucket after every %d new items", SaveBatch.STATISTICS_EVERY)
                .containsExactly(2L, 2L);
    }

    @Test
    void aSaveWhoseAnalyzeCannotHaveItsLockStoresEverythingWithout() throws Exception {
        Database db = stores.open("rundschau");
        // A VACUUM (or another ANALYZE) holds this lock; inserts do not wait for it, ANALYZE does.
        try (Connection vacuum = DriverManager.getConnection(((DatabaseConfig.Postgres) stores.config("rundschau")).url())) {
            vacuum.setAutoCommit(false);
            try (Statement st = vacuum.createStatement()) {
                st.execute("LOCK TABLE item IN SHARE UPDATE EXCLUSIVE MODE");
            }
            int items = SaveBatch.STATISTICS_EVERY + 1;

            assertThat(largeSave(db, items)).as("the save waited at most its lock timeout, then went on").isEqualTo(items);
            vacuum.rollback();
        }
        int stored = db.read("count the items", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM item")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(stored).isEqualTo(SaveBatch.STATISTICS_EVERY + 1);
        assertThat(analyzeCounts(db, List.of(0L, 0L))).containsExactly(0L, 0L);
    }

    @Test
    void statisticsThatCountedMostOfTheTableAreKeptUntilATenthIsNew() throws Exception {
        // A large store's save of 500 new items must not pay for an ANALYZE of all of it each time.
        Database db = stores.open("rundschau");
        largeSave(db, SaveBatch.STATISTICS_EVERY + 1);
        assertThat(analyzeCounts(db, List.of(1L, 1L))).containsExactly(1L, 1L);
        double counted = db.read("read the counted rows", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'item'")) {
                rs.next();
                return rs.getDouble(1);
            }
        });
        assertThat(counted).as("the rows the save's ANALYZE counted").isGreaterThanOrEqualTo(SaveBatch.STATISTICS_EVERY);
        long fewer = (long) Math.ceil(Database.ANALYZE_SHARE * counted) - 1;
        long enough = (long) Math.ceil(Database.ANALYZE_SHARE * counted);

        boolean ranForFewer = db.write("offer fewer new rows", c -> db.refreshStatistics(c, fewer, "item", "lsh_bucket"));
        assertThat(ranForFewer).as("%d new rows against %.0f counted", fewer, counted).isFalse();
        assertThat(analyzeCounts(db, List.of(1L, 1L))).containsExactly(1L, 1L);
        boolean ranForEnough = db.write("offer enough new rows", c -> db.refreshStatistics(c, enough, "item", "lsh_bucket"));
        assertThat(ranForEnough).as("%d new rows against %.0f counted", enough, counted).isTrue();
        assertThat(analyzeCounts(db, List.of(2L, 2L))).containsExactly(2L, 2L);
    }

    /** Saves {@code items} new items of one source in one save; returns how many were added. */
    private static int largeSave(Database db, int items) throws StoreException {
        Instant t0 = Instant.parse("2025-02-07T08:00:00Z");
        List<Item> fetch = IntStream.range(0, items).mapToObj(i -> new Item("kommune21", "key-" + i, "",
                t0.minusSeconds(i), true, "Sachsen", "Meldung Nummer " + i, "", false,
                "https://www.kommune21.de/meldung-" + i)).toList();
        return new ItemStore(db, "tag:news.example.org,2026:").save("kommune21", fetch, t0).added();
    }

    /**
     * The ANALYZE commands run on item and lsh_bucket, once they reach {@code expected} or after 10 s
     * (analyze_count counts ANALYZE commands only, never autovacuum's; a server before PostgreSQL 15
     * reports it a moment later).
     */
    private static List<Long> analyzeCounts(Database db, List<Long> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<Long> counts = db.read("read the analyze counts", c -> {
                List<Long> found = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT analyze_count "
                        + "FROM pg_stat_user_tables WHERE relname IN ('item', 'lsh_bucket') ORDER BY relname")) {
                    while (rs.next()) found.add(rs.getLong(1));
                }
                return found;
            });
            if (counts.equals(expected) || System.nanoTime() > deadline) return counts;
            Thread.sleep(50);
        }
    }

    @Test
    void bothDialectsHaveTheSameNumberedMigrations() {
        List<String> sqlite = Migration.fromClasspath(Database.Dialect.SQLITE).stream().map(Migration::name).toList();
        List<String> postgres = Migration.fromClasspath(Database.Dialect.POSTGRESQL).stream().map(Migration::name).toList();
        assertThat(postgres).isEqualTo(sqlite).isNotEmpty();
    }

    @Test
    void appliesEveryMigrationOnceAndRecordsTheVersion() throws Exception {
        int shipped = Migration.fromClasspath(Database.Dialect.POSTGRESQL).size();
        try (Database db = stores.open("r")) {
            assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
            assertThat(db.file()).isEmpty();
            assertThat(db.read("read version", db::schemaVersion)).isEqualTo(shipped);
            new ItemStore(db, "tag:t.example,2026:").save("s", List.of(), java.time.Instant.EPOCH);
        }
        try (Database again = stores.open("r")) {
            assertThat(again.read("read version", again::schemaVersion)).isEqualTo(shipped);
        }
    }

    @Test
    void refusesADatabaseWithANewerSchema() throws Exception {
        try (Database db = stores.open("r")) {
            db.write("pretend a newer Rundschau migrated", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE schema_version SET version = 99");
                }
            });
        }
        assertThatThrownBy(() -> stores.open("r")).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99 is newer than this Rundschau");
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        DatabaseConfig config = stores.config("shared");
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    return Database.open(config);
                }));
            }
            go.countDown();
            int shipped = Migration.fromClasspath(Database.Dialect.POSTGRESQL).size();
            for (Future<Database> f : opened) {
                try (Database db = f.get(60, TimeUnit.SECONDS)) {
                    assertThat(db.read("read version", db::schemaVersion)).isEqualTo(shipped);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Something one node does while holding a lock, reporting when it is inside. */
    @FunctionalInterface
    private interface Held {
        void run(Database node, Runnable inside) throws Exception;
    }

    /**
     * Node a does {@code what} and stays inside for 400 ms; node b starts the same once a is
     * inside: b must get in only after a left.
     */
    private List<String> secondWaitsForFirst(Held what) throws Exception {
        DatabaseConfig config = stores.config("shared");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (Database a = Database.open(config); Database b = Database.open(config)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch aInside = new CountDownLatch(1);
                Future<?> first = pool.submit(() -> {
                    what.run(a, () -> {
                        events.add("a begins");
                        aInside.countDown();
                        sleep(400);
                        events.add("a ends");
                    });
                    return null;
                });
                aInside.await();
                Future<?> second = pool.submit(() -> {
                    what.run(b, () -> events.add("b begins"));
                    return null;
                });
                first.get(30, TimeUnit.SECONDS);
                second.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        }
        return events;
    }

    @Test
    void writesOfTwoNodesNeverOverlap() throws Exception {
        List<String> events = secondWaitsForFirst((node, inside) -> node.write("write", c -> {
            inside.run();
            return null;
        }));
        assertThat(events).containsExactly("a begins", "a ends", "b begins");
    }

    @Test
    void aTaskRunsOnOneNodeAtATime() throws Exception {
        List<String> events = secondWaitsForFirst((node, inside) -> node.exclusively(42, "publish", () -> {
            inside.run();
            node.read("read", c -> null);   // the task may use the database meanwhile (publishing reads the store)
            return null;
        }));
        assertThat(events).containsExactly("a begins", "a ends", "b begins");
    }

    @Test
    void anotherTaskKeyIsNotHeldUp() throws Exception {
        try (Database a = stores.open("r"); Database b = stores.open("r")) {
            String result = a.exclusively(42, "publish", () -> b.exclusively(43, "other", () -> "free"));
            assertThat(result).isEqualTo("free");
        }
    }

    @Test
    void aDroppedConnectionHealsByItself() throws Exception {
        try (Database db = stores.open("r"); Database admin = stores.open("r")) {
            SourceStatusStore statuses = new SourceStatusStore(db);
            statuses.load("s");
            // The server ends every other session of this database, as a restart or a failover would.
            admin.read("end the other sessions", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND pid <> pg_backend_pid()").close();
                }
                return null;
            });
            assertThat(statuses.load("s").lastAttempt()).isNull();
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAClearError() {
        DatabaseConfig.Postgres nowhere = new DatabaseConfig.Postgres("jdbc:postgresql://127.0.0.1:1/rundschau",
                Optional.empty(), Optional.empty(), DatabaseConfig.ClusterConfig.DEFAULTS);
        assertThatThrownBy(() -> Database.open(nowhere)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store: could not connect to database jdbc:postgresql://127.0.0.1:1/rundschau");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
