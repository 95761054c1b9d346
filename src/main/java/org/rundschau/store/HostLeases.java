package org.rundschau.store;

import java.io.IOException;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rundschau.fetch.SharedHosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts that cluster nodes are fetching from, in the shared PostgreSQL database (table
 * {@code host_lease}, migration 004): a node holds a host while its request is in flight and,
 * after it, the host stays taken until the gap has passed.
 *
 * <p>Each acquisition is one atomic upsert that succeeds only when the host is free, so two nodes
 * can never both take it. Times come from the database server's clock, so nodes whose clocks
 * differ still agree. A lease runs for {@code hold} and the node renews its leases every third of
 * that while their requests are in flight: a node that dies (even by {@code kill -9}, which also
 * ends its connections) blocks a host for at most {@code hold}, however long fetches may take.
 */
public final class HostLeases implements SharedHosts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HostLeases.class);
    private static final String NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    private static final String TAKE = "INSERT INTO host_lease (host, holder, until) VALUES (?, ?, " + NOW + " + ?) "
            + "ON CONFLICT (host) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until "
            // Also when this holder has it already: a retry of an acquisition that went through.
            + "WHERE host_lease.until <= " + NOW + " OR host_lease.holder = EXCLUDED.holder";
    private static final String WAIT = "SELECT until - " + NOW + " FROM host_lease WHERE host = ?";
    private static final String GIVE_BACK = "UPDATE host_lease SET until = " + NOW + " + ? WHERE host = ? AND holder = ?";
    private static final String RENEW = "UPDATE host_lease SET until = " + NOW + " + ? WHERE host = ? AND holder = ?";

    private final Database db;
    private final long holdMillis;
    private final long gapMillis;
    /** The leases this node holds now: host to holder. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    /**
     * @param hold how long a lease runs unless renewed: how long a dead node can block a host
     * @param gap  the pause between two requests to one host
     * @throws IllegalArgumentException for a SQLite database: one process fetches there, and its
     *                                  {@link org.rundschau.fetch.HostThrottle} keeps the rule alone
     */
    public HostLeases(Database db, Duration hold, Duration gap) {
        this.db = Objects.requireNonNull(db, "db");
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("host leases are for a database shared by cluster nodes (PostgreSQL)");
        }
        if (hold.toMillis() < 300) throw new IllegalArgumentException("a lease must run at least 300ms: " + hold);
        this.holdMillis = hold.toMillis();
        this.gapMillis = gap.toMillis();
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "host-leases");
            t.setDaemon(true);
            return t;
        });
        long every = holdMillis / 3;
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Duration tryAcquire(String host, String holder) throws IOException {
        try {
            return db.read("reserve host " + host, c -> {
                try (var take = c.prepareStatement(TAKE)) {
                    take.setString(1, host);
                    take.setString(2, holder);
                    take.setLong(3, holdMillis);
                    if (take.executeUpdate() == 1) {
                        held.put(host, holder);
                        return Duration.ZERO;
                    }
                }
                try (var wait = c.prepareStatement(WAIT)) {
                    wait.setString(1, host);
                    try (ResultSet rs = wait.executeQuery()) {
                        // Gone meanwhile (not done here) or lapsing now: ask again soon.
                        long millis = rs.next() ? rs.getLong(1) : 1;
                        return Duration.ofMillis(Math.max(1, millis));
                    }
                }
            });
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Synchronized with {@link #renew}, so that a renewal never extends a lease given back. */
    @Override
    public synchronized void release(String host, String holder) throws IOException {
        held.remove(host, holder);
        try {
            db.read("release host " + host, c -> {
                try (var give = c.prepareStatement(GIVE_BACK)) {
                    give.setLong(1, gapMillis);
                    give.setString(2, host);
                    give.setString(3, holder);
                    return give.executeUpdate();
                }
            });
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Keeps this node's leases running while their requests are in flight. */
    private synchronized void renew() {
        for (Map.Entry<String, String> lease : held.entrySet()) {
            try {
                db.read("renew the lease on host " + lease.getKey(), c -> {
                    try (var renew = c.prepareStatement(RENEW)) {
                        renew.setLong(1, holdMillis);
                        renew.setString(2, lease.getKey());
                        renew.setString(3, lease.getValue());
                        return renew.executeUpdate();
                    }
                });
            } catch (StoreException | RuntimeException e) {
                log.warn("could not renew the lease on host {}: {}", lease.getKey(), e.getMessage());
            }
        }
    }

    /** Stops renewing; leases still held lapse after {@code hold}. */
    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
