package org.rundschau.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.rundschau.model.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the output folder over HTTP with the JDK's built-in server: the published files (see
 * {@link StaticFiles} for validators, 304 and gzip) and {@code /health}, a JSON document for monitoring
 * (see {@link HealthJson}). Only GET and HEAD are allowed.
 *
 * <p>{@code /health} reports {@code lastPublished} as the modification time of {@code feed.atom}: the
 * publishers leave an unchanged feed untouched, so this is the last publication that changed the
 * combined feed.
 */
public final class FeedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedServer.class);
    private static final int THREADS = 4;
    private static final String COMBINED_FEED = "feed.atom";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StaticFiles files;
    private final HealthSource health;

    private FeedServer(HttpServer server, ExecutorService executor, StaticFiles files, HealthSource health) {
        this.server = server;
        this.executor = executor;
        this.files = files;
        this.health = health;
    }

    /**
     * Starts serving {@code root} on {@code address} (port 0: any free port, see {@link #address()}). The
     * folder need not exist yet: until it does, every file is 404.
     *
     * @throws IOException when the address cannot be bound, for example because the port is in use
     */
    public static FeedServer start(InetSocketAddress address, Path root, HealthSource health) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "serve-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        FeedServer feedServer = new FeedServer(server, executor, new StaticFiles(root), health);
        server.createContext("/", feedServer::handle);
        server.setExecutor(executor);
        server.start();
        return feedServer;
    }

    /** The address the server listens on, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening at once; a response still being written is cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                plain(exchange, 405, "method not allowed: " + method, false);
            } else if ("/health".equals(exchange.getRequestURI().getPath())) {
                health(exchange, head);
            } else {
                StaticFiles.Target target = files.resolve(exchange.getRequestURI());
                if (target instanceof StaticFiles.Target.File file) {
                    files.send(exchange, file.path(), head);
                } else if (target instanceof StaticFiles.Target.Folder folder) {
                    exchange.getResponseHeaders().set("Location", folder.location());
                    plain(exchange, 301, "moved to " + folder.location(), head);
                } else {
                    plain(exchange, 404, "not found", head);
                }
            }
            log.debug("serve: {} {} -> {}", method, exchange.getRequestURI(), exchange.getResponseCode());
        } catch (IOException e) {
            log.debug("serve: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } finally {
            exchange.close();
        }
    }

    private void health(HttpExchange exchange, boolean head) throws IOException {
        String json;
        int status;
        try {
            List<SourceStatus> statuses = health.statuses();
            json = HealthJson.render(statuses, lastPublished());
            status = 200;
        } catch (IOException e) {
            log.warn("serve: /health cannot read the health: {}", e.getMessage());
            json = HealthJson.unavailable(e.getMessage());
            status = 503;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8), head);
    }

    private Optional<Instant> lastPublished() throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(files.root().resolve(COMBINED_FEED)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void plain(HttpExchange exchange, int status, String text, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, StaticFiles.plain(text), head);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
