package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.DatabaseConfig;

/**
 * What PostgreSQL adds to {@link DatabaseTest}: the same numbered migrations as SQLite, migrated
 * once when nodes start together, writes serialised across nodes, a cluster-wide lock for tasks,
 * and a pool that heals when the server drops its connections.
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
