package org.rundschau.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.fetch.HostThrottle;

/** Politeness across nodes: leases on hosts in the shared PostgreSQL database. */
class HostLeasesTest {
    private static final Duration GAP = Duration.ofMillis(150);
    private static final Duration FETCH = Duration.ofSeconds(30);   // a lease's time: longer than any test

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

    /** One request's time at the host, by the database's clock. */
    private record Visit(long start, long end) {}

    @Test
    void twoNodesNeverHitOneHostAtOnceAndKeepTheGap() throws Exception {
        DatabaseConfig shared = stores.config("shared");
        try (Database nodeA = Database.open(shared); Database nodeB = Database.open(shared)) {
            List<HostThrottle> nodes = List.of(new HostThrottle(GAP, new HostLeases(nodeA, FETCH, GAP)),
                    new HostThrottle(GAP, new HostLeases(nodeB, FETCH, GAP)));
            List<Visit> visits = Collections.synchronizedList(new ArrayList<>());
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> requests = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    HostThrottle node = nodes.get(i % 2);
                    requests.add(threads.submit(() -> {
                        try (HostThrottle.Permit permit = node.acquire("www.kommune21.de")) {
                            long start = System.nanoTime();
                            Thread.sleep(40);   // the request
                            visits.add(new Visit(start, System.nanoTime()));
                        }
                        return null;
                    }));
                }
                for (Future<?> r : requests) r.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            List<Visit> inOrder = visits.stream().sorted((x, y) -> Long.compare(x.start(), y.start())).toList();
            assertThat(inOrder).hasSize(12);
            for (int i = 1; i < inOrder.size(); i++) {
                long pause = inOrder.get(i).start() - inOrder.get(i - 1).end();
                // The database's clock and this JVM's differ by far less than this slack.
                assertThat(Duration.ofNanos(pause)).as("pause before request %d", i).isGreaterThan(GAP.minusMillis(20));
            }
        }
    }

    @Test
    void aLeaseThatIsNeverGivenBackLapses() throws Exception {
        try (Database db = stores.open("r")) {
            HostLeases deadNode = new HostLeases(db, Duration.ofMillis(600), Duration.ZERO);
            HostLeases alive = new HostLeases(db, FETCH, GAP);

            assertThat(deadNode.tryAcquire("example.org", "dead/1")).isZero();
            Thread.sleep(900);   // renewed meanwhile: still held
            assertThat(alive.tryAcquire("example.org", "alive/1")).isPositive();
            deadNode.close();    // the node dies: no more renewals
            Duration wait = alive.tryAcquire("example.org", "alive/1");
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(600));

            Thread.sleep(wait.toMillis() + 20);
            assertThat(alive.tryAcquire("example.org", "alive/1")).isZero();
            // The dead node's late release leaves the new holder alone.
            deadNode.release("example.org", "dead/1");
            assertThat(deadNode.tryAcquire("example.org", "dead/2")).isPositive();
        }
    }

    @Test
    void otherHostsAreFree() throws Exception {
        try (Database db = stores.open("r")) {
            HostLeases leases = new HostLeases(db, FETCH, GAP);
            assertThat(leases.tryAcquire("a.example", "n/1")).isZero();
            assertThat(leases.tryAcquire("b.example", "n/2")).isZero();
            leases.release("a.example", "n/1");
            assertThat(leases.tryAcquire("a.example", "n/3")).isPositive();   // its gap is running
        }
    }

    @Test
    void isOnlyForASharedDatabase() throws Exception {
        try (TestStore sqlite = new TestStore(TestStore.Backend.SQLITE, dir); Database db = sqlite.open("r.db")) {
            assertThatThrownBy(() -> new HostLeases(db, FETCH, GAP)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
