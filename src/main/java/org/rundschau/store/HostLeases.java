package org.rundschau.store;

import java.io.IOException;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Objects;
import org.rundschau.fetch.SharedHosts;

/**
 * The hosts that cluster nodes are fetching from, in the shared PostgreSQL database (table
 * {@code host_lease}, migration 004): a node holds a host while its request is in flight and,
 * after it, the host stays taken until the gap has passed.
 *
 * <p>Each acquisition is one atomic upsert that succeeds only when the host is free, so two nodes
 * can never both take it. Times come from the database server's clock, so nodes whose clocks
 * differ still agree. A lease lapses by itself after the longest a fetch may take plus the gap:
 * a node that dies (even by {@code kill -9}) holds no host for longer than that.
 */
public final class HostLeases implements SharedHosts {
    private static final String NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    private static final String TAKE = "INSERT INTO host_lease (host, holder, until) VALUES (?, ?, " + NOW + " + ?) "
            + "ON CONFLICT (host) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until "
            + "WHERE host_lease.until <= " + NOW;
    private static final String WAIT = "SELECT until - " + NOW + " FROM host_lease WHERE host = ?";
    private static final String GIVE_BACK = "UPDATE host_lease SET until = " + NOW + " + ? WHERE host = ? AND holder = ?";

    private final Database db;
    private final long holdMillis;
    private final long gapMillis;

    /**
     * @param longestFetch how long one request may take (the fetch timeout): a lease not given
     *                     back lapses after this plus the gap
     * @param gap          the pause between two requests to one host
     * @throws IllegalArgumentException for a SQLite database: one process fetches there, and its
     *                                  {@link org.rundschau.fetch.HostThrottle} keeps the rule alone
     */
    public HostLeases(Database db, Duration longestFetch, Duration gap) {
        this.db = Objects.requireNonNull(db, "db");
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("host leases are for a database shared by cluster nodes (PostgreSQL)");
        }
        this.gapMillis = gap.toMillis();
        this.holdMillis = longestFetch.toMillis() + gapMillis;
    }

    @Override
    public Duration tryAcquire(String host, String holder) throws IOException {
        try {
            return db.read("reserve host " + host, c -> {
                try (var take = c.prepareStatement(TAKE)) {
                    take.setString(1, host);
                    take.setString(2, holder);
                    take.setLong(3, holdMillis);
                    if (take.executeUpdate() == 1) return Duration.ZERO;
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

    @Override
    public void release(String host, String holder) throws IOException {
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
}
