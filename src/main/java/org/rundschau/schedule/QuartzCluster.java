package org.rundschau.schedule;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.store.Database;
import org.rundschau.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's clustered JDBC job store on the shared PostgreSQL database: the schedule lives in
 * Quartz's own tables ({@code qrtz_*}), every node runs the same scheduler name, and Quartz's row
 * locks decide which node fires which trigger. Each node checks in every {@code cluster.check-in};
 * the others take a node that stopped checking in for dead and recover its jobs.
 */
final class QuartzCluster {
    private static final Logger log = LoggerFactory.getLogger(QuartzCluster.class);
    /** Every node of one database is one scheduler: Quartz shares the schedule by this name. */
    static final String SCHEDULER_NAME = "rundschau";
    /** Quartz's own DDL for PostgreSQL, as shipped in its jar for the version we run. */
    private static final String QUARTZ_DDL = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** Advisory lock key while one node creates Quartz's tables. */
    private static final long SCHEMA_LOCK = 0x52756e6473636805L;
    /** Connections beyond the worker threads: Quartz's scheduler thread, its cluster manager and misfire handler. */
    private static final int EXTRA_CONNECTIONS = 3;

    private QuartzCluster() {}

    /**
     * The scheduler properties for a node of the cluster on {@code config}'s database, with a
     * pool of its own registered for Quartz; Quartz closes the pool when the scheduler shuts down.
     */
    static Properties properties(DatabaseConfig.Postgres config, int threads) throws StoreException {
        HikariDataSource pool = Database.pool(config, "rundschau-quartz", threads + EXTRA_CONNECTIONS);
        try {
            createTables(pool);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("could not create Quartz's tables in " + config.url(), e);
        } catch (StoreException | RuntimeException e) {
            pool.close();
            throw e;
        }
        String dataSource = "rundschau-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void shutdown() {
                pool.close();
            }

            @Override
            public void initialize() {
                // the pool is ready
            }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId());
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        // A node takes a trigger up to this long before it fires; a node that dies holding one
        // delays that run until the others recover it. Keep it near the check-in (Quartz: 1-30 s).
        long lookAhead = Math.max(1_000, Math.min(30_000, config.cluster().checkIn().toMillis()));
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(lookAhead));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.cluster().checkIn().toMillis()));
        // Job data are plain strings (the source's definition), never serialised Java objects.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Acquire triggers under Quartz's row lock: the documented setting for clusters, so two
        // nodes never both acquire one trigger.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /** Closes the pool of a scheduler that {@code properties} were made for but that never started. */
    static void release(Properties properties) {
        try {
            DBConnectionManager.getInstance().shutdown(properties.getProperty("org.quartz.jobStore.dataSource"));
        } catch (SQLException e) {
            log.warn("scheduler: could not close the job store's connections: {}", e.getMessage());
        }
    }

    /** Creates Quartz's tables unless they exist; one node at a time. */
    private static void createTables(HikariDataSource pool) throws SQLException, StoreException {
        try (Connection c = pool.getConnection()) {
            Database.holding(c, SCHEMA_LOCK, () -> {
                if (Database.hasTable(c, "qrtz_locks")) return null;
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute(ddl());
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                log.info("scheduler: created Quartz's tables (qrtz_*)");
                return null;
            });
        }
    }

    /**
     * Quartz's script without its {@code DROP TABLE} lines (it is written to reset a database;
     * here it runs only where the tables are missing) and its closing {@code COMMIT}.
     */
    static String ddl() {
        try (InputStream in = QuartzCluster.class.getResourceAsStream(QUARTZ_DDL)) {
            if (in == null) throw new IllegalStateException("missing " + QUARTZ_DDL + " in the Quartz jar");
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.lines()
                    .filter(line -> !line.stripLeading().toUpperCase().startsWith("DROP TABLE"))
                    .filter(line -> !line.strip().equalsIgnoreCase("COMMIT;"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + QUARTZ_DDL, e);
        }
    }

    /**
     * This node's id in the cluster: host name, process id and 32 random bits. Quartz's {@code AUTO}
     * is the host name plus the start time in milliseconds, so two nodes started in the same
     * millisecond on one host shared an id (seen in ClusterIT: one check-in row for two nodes,
     * duplicate fired-trigger keys, and a source never run again after one of them was killed).
     */
    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        String id = host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 120 ? id : id.substring(id.length() - 120);
    }
}
