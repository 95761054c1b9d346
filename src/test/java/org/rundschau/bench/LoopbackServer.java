package org.rundschau.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves generated sites from their files with the JDK's HTTP server, on one or more loopback
 * addresses ({@code 127.0.0.1}, {@code 127.0.0.2}, ...), so that per-host politeness treats them as
 * different hosts as it would real sites. No request journal; bodies are read from disk per request.
 *
 * <p>Sites with validators get {@code ETag} and {@code Last-Modified}, and a conditional request
 * that matches either gets {@code 304 Not Modified}. The CPU its threads use can be read with
 * {@link #cpuNanos()}, so that a benchmark in the same process can leave it out.
 */
public final class LoopbackServer implements AutoCloseable {
    /** Names of the threads that serve: the JDK's dispatcher threads and our handler pool. */
    private static final String POOL_PREFIX = "bench-server-";
    private static final String DISPATCHER_PREFIX = "HTTP-Dispatcher";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String LAST_MODIFIED = HTTP_DATE.format(Instant.parse("2025-07-01T08:00:00Z"));

    private final List<HttpServer> servers;
    private final ExecutorService pool;
    private final Map<String, SyntheticSite> byPath = new ConcurrentHashMap<>();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    private LoopbackServer(List<HttpServer> servers, ExecutorService pool) {
        this.servers = servers;
        this.pool = pool;
    }

    /** Starts {@code hosts} servers on 127.0.0.1 ... 127.0.0.{hosts}, each on a free port. */
    public static LoopbackServer start(int hosts) throws IOException {
        if (hosts < 1 || hosts > 200) throw new IllegalArgumentException("hosts must be 1..200: " + hosts);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, POOL_PREFIX + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<HttpServer> servers = new ArrayList<>();
        LoopbackServer server = new LoopbackServer(servers, pool);
        try {
            for (int h = 1; h <= hosts; h++) {
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0." + h, 0), 200);
                http.setExecutor(pool);
                http.createContext("/", server::handle);
                http.start();
                servers.add(http);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** Serves these sites from now on; returns each one's URL, in order. */
    public List<URI> serve(Collection<SyntheticSite> sites) {
        List<URI> urls = new ArrayList<>(sites.size());
        int n = 0;
        for (SyntheticSite site : sites) {
            byPath.put(site.urlPath(), site);
            urls.add(url(site, n++));
        }
        return urls;
    }

    /** The URL of the {@code n}-th site: sites are spread over the hosts round-robin. */
    private URI url(SyntheticSite site, int n) {
        InetSocketAddress address = servers.get(n % servers.size()).getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + site.urlPath());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SyntheticSite site = byPath.get(exchange.getRequestURI().getPath());
            if (site == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + site.id() + "-1\"";
            if (site.validators()) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                if (etag.equals(ifNoneMatch) || ifNoneMatch == null && LAST_MODIFIED.equals(ifModifiedSince)) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            byte[] body = Files.readAllBytes(site.file());
            exchange.getResponseHeaders().set("Content-Type", site.contentType());
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            ok.incrementAndGet();
        }
    }

    /** Responses sent so far: 200s. */
    public long okResponses() {
        return ok.get();
    }

    /** Responses sent so far: 304s. */
    public long notModifiedResponses() {
        return notModified.get();
    }

    /** CPU time used so far by the serving threads (dispatchers and handlers), in nanoseconds. */
    public static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith(POOL_PREFIX) || name.startsWith(DISPATCHER_PREFIX)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) total += cpu;
            }
        }
        return total;
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        pool.shutdownNow();
    }
}
