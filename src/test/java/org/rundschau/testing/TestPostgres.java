package org.rundschau.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, on loopback, private to this JVM. Tests never reach the
 * internet or a shared server, and the store's PostgreSQL code is tested against the real thing,
 * not a fake: the first use runs {@code initdb} into a fresh temp directory and starts
 * {@code postgres} on a free 127.0.0.1 port (unix socket in that directory, trust auth, superuser
 * {@code rundschau}, fsync off); a shutdown hook stops it ({@code pg_ctl stop -m immediate}) and
 * deletes the directory. Each test takes its own database from {@link #freshDatabase()}.
 *
 * <p>Binaries come from {@code /usr/lib/postgresql/<version>/bin} (newest first, Debian's
 * {@code postgresql} package) or the {@code PATH}. PostgreSQL refuses to run as root, so under
 * root (CI) it runs as the {@code postgres} OS user via {@code runuser}; the temp directory is
 * chowned to it. Set {@code RUNDSCHAU_TEST_POSTGRES} to the JDBC URL of an existing server's
 * maintenance database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=x}) to use that
 * server instead; nothing is started then.
 */
public final class TestPostgres {
    private static final String ENV_URL = "RUNDSCHAU_TEST_POSTGRES";
    private static final String USER = "rundschau";
    private static final long START_TIMEOUT_MS = 30_000;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static boolean initialized;
    private static String maintenanceUrl;    // null when no server binaries were found
    private static RuntimeException failure; // a failed start, rethrown on every later call

    private TestPostgres() {
    }

    /**
     * True when a server is usable: {@code RUNDSCHAU_TEST_POSTGRES} is set, or the local server
     * started (once per JVM, on first call). False when no PostgreSQL binaries are installed.
     *
     * @throws IllegalStateException when binaries exist but the server fails to start
     */
    public static boolean available() {
        return maintenanceUrl() != null;
    }

    /**
     * Skips the calling test when no server is available, with a hint to install one; in CI
     * (environment variable {@code CI} set) fails instead, so a missing server never passes silently.
     */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            throw new AssertionError("PostgreSQL must be installed for CI (apt-get install postgresql), "
                    + "or " + ENV_URL + " set to a server's JDBC URL; no initdb/pg_ctl/postgres found");
        }
        Assumptions.assumeTrue(false, "no PostgreSQL server binaries: install Debian's postgresql package "
                + "(apt-get install postgresql) or set " + ENV_URL + " to a server's JDBC URL");
    }

    /** Creates a new, empty database and returns its JDBC URL (with {@code user=rundschau} locally). */
    public static String freshDatabase() {
        String maintenance = requireServer();
        while (true) {
            String name = "rundschau_t_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
            try (Connection c = DriverManager.getConnection(maintenance); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                return withDatabase(maintenance, name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: left over from an old run
                    throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Drops a database made by {@link #freshDatabase()}, disconnecting its sessions (PostgreSQL 13+). */
    public static void drop(String jdbcUrl) {
        String name = databaseName(jdbcUrl);
        if (!name.matches("rundschau_t_[0-9_]+")) {
            throw new IllegalArgumentException("not a database from freshDatabase(): " + jdbcUrl);
        }
        try (Connection c = DriverManager.getConnection(requireServer()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    private static String requireServer() {
        String url = maintenanceUrl();
        if (url == null) {
            throw new IllegalStateException("no PostgreSQL server: call TestPostgres.assumeAvailable() first");
        }
        return url;
    }

    private static synchronized String maintenanceUrl() {
        if (!initialized) {
            initialized = true;
            String env = System.getenv(ENV_URL);
            try {
                maintenanceUrl = env != null && !env.isBlank() ? env.trim() : start();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return maintenanceUrl;
    }

    /** Starts the local server; returns its maintenance URL, or null when no binaries are installed. */
    private static String start() {
        Path bin = findBinaries();
        if (bin == null) {
            return null;
        }
        try {
            boolean root = run(List.of("id", "-u"), null).trim().equals("0");
            List<String> as = root ? List.of(runuser(), "-u", "postgres", "--") : List.of();
            Path dir = Files.createTempDirectory("rundschau-pg");
            Path data = dir.resolve("data");
            Path sockets = Files.createDirectory(dir.resolve("sockets"));
            Path log = dir.resolve("server.log");
            if (root) {
                run(List.of("chown", "-R", "postgres", dir.toString()), dir);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(as, bin, data, dir), "TestPostgres-stop"));
            run(concat(as, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER,
                    "--encoding=UTF8", "--locale=C", "--no-sync"), dir);
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Process server = new ProcessBuilder(concat(as, bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200"))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (true) {
                try (Connection c = DriverManager.getConnection(url)) {
                    return url;
                } catch (SQLException e) {
                    if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                        String state = server.isAlive() ? "not accepting connections after "
                                + START_TIMEOUT_MS / 1000 + " s (" + e.getMessage() + ")"
                                : "exited with code " + server.exitValue();
                        throw new IllegalStateException(bin.resolve("postgres") + " on port " + port + " " + state
                                + "; server log " + log + ":\n" + tail(log));
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static void stop(List<String> as, Path bin, Path data, Path dir) {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(concat(as, bin.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-w", "-D",
                        data.toString()), dir);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("TestPostgres: " + e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("TestPostgres: cannot delete " + dir + ": " + e.getMessage());
            }
        }
    }

    /** The newest {@code /usr/lib/postgresql/N/bin}, else the first PATH entry, holding all three binaries. */
    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                            .reversed())
                    .forEach(p -> candidates.add(p.resolve("bin")));
        } catch (IOException e) {
            // no Debian layout; try the PATH
        }
        String path = System.getenv().getOrDefault("PATH", "");
        Arrays.stream(path.split(":")).filter(s -> !s.isEmpty()).forEach(s -> candidates.add(Path.of(s)));
        return candidates.stream()
                .filter(d -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(b -> Files.isExecutable(d.resolve(b))))
                .findFirst().orElse(null);
    }

    private static String runuser() {
        return Stream.of("/usr/sbin/runuser", "/sbin/runuser").filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElse("runuser");
    }

    /** Runs a command to completion; returns its output, or throws with the exit code and output. */
    private static String run(List<String> command, Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit code "
                        + (process.isAlive() ? "none, timed out" : process.exitValue()) + "):\n" + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        } finally {
            process.destroy();
        }
    }

    private static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code jdbc:postgresql://host:port/db?query} with the database replaced by {@code name}. */
    private static String withDatabase(String url, String name) {
        int query = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
        int slash = url.lastIndexOf('/', query - 1);
        if (slash < "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/database: " + url);
        }
        return url.substring(0, slash + 1) + name + url.substring(query);
    }

    private static String databaseName(String url) {
        int query = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
        return url.substring(url.lastIndexOf('/', query - 1) + 1, query);
    }
}
