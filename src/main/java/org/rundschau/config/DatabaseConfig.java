package org.rundschau.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives: a SQLite file (the embedded default), or a PostgreSQL database shared by
 * any number of Rundschau nodes.
 */
public sealed interface DatabaseConfig {

    /** For messages and logs: the file, or the URL (which never carries the password here). */
    String describe();

    /** The embedded default: one SQLite file, one writing process at a time. */
    record Sqlite(Path file) implements DatabaseConfig {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A PostgreSQL database: {@code run} on it is a cluster node (see {@link ClusterConfig}).
     *
     * @param url      {@code jdbc:postgresql://host:5432/name}, optionally with driver parameters
     * @param user     from {@code database-user}, else {@code $RUNDSCHAU_DATABASE_USER}; empty: the
     *                 driver's default (a {@code user} parameter in the URL, else the OS user)
     * @param password from {@code database-password}, else {@code $RUNDSCHAU_DATABASE_PASSWORD}
     * @param cluster  how nodes keep track of each other
     */
    record Postgres(String url, Optional<String> user, Optional<String> password, ClusterConfig cluster)
            implements DatabaseConfig {
        public static final String URL_PREFIX = "jdbc:postgresql:";

        public Postgres {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith(URL_PREFIX)) throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(cluster, "cluster");
        }

        @Override
        public String describe() {
            return url;
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Postgres[url=" + url + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "***" : "")
                    + ", cluster=" + cluster + "]";
        }
    }

    /**
     * Cluster settings of the nodes sharing one PostgreSQL database.
     *
     * @param checkIn how often a node records in the database that it is alive; a node silent for
     *                longer is taken for dead and its jobs are recovered by the others
     */
    record ClusterConfig(Duration checkIn) {
        public static final ClusterConfig DEFAULTS = new ClusterConfig(Duration.ofSeconds(7));

        public ClusterConfig {
            Objects.requireNonNull(checkIn, "checkIn");
            if (checkIn.toMillis() < 100) {
                throw new IllegalArgumentException("cluster.check-in must be at least 100ms: " + checkIn);
            }
        }
    }
}
