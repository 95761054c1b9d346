package org.rundschau.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves generated sites from their files with the JDK's HTTP server, on one or more loopback
 * addresses ({@code 127.0.0.1}, {@code 127.0.0.2}, ...), so that per-host politeness treats them as
 * different hosts as it would real sites. No request journal; bodies are read from disk per request.
 *
 * <p>Sites with validators get {@code ETag} and {@code Last-Modified}, and a conditional request
 * that matches either gets {@code 304 Not Modified}. {@link #revise} changes every body outside its
 * items, as a rotating advert, a token or a clock in the page would: new validators, new bytes,
 * the same items.
 *
 * <p>The server runs in <em>a JVM of its own</em>, a child of the benchmark's, which talks to it
 * over the child's standard input and output. In the benchmark's JVM its threads would be easy
 * to leave out of the CPU figures, but not what it costs the JIT compilers and the garbage
 * collector, nor what it does to the type profiles of the NIO classes it shares with the HTTP
 * client (a selector key class seen from two call sites got recompiled again and again): a
 * Rundschau in production has no HTTP server beside it, so the benchmark should not either.
 */
public final class LoopbackServer implements AutoCloseable {
    private static final String READY = "ready";
    private static final String SITE = "site";
    private static final String SYNC = "sync";
    private static final String COUNTS = "counts";
    private static final String REVISION = "revision";

    private final Process child;
    private final BufferedWriter toChild;
    private final BufferedReader fromChild;
    private final List<String> hostPorts;

    private LoopbackServer(Process child, BufferedWriter toChild, BufferedReader fromChild, List<String> hostPorts) {
        this.child = child;
        this.toChild = toChild;
        this.fromChild = fromChild;
        this.hostPorts = hostPorts;
    }

    /** Starts a child JVM serving on 127.0.0.1 ... 127.0.0.{hosts}, each on a free port. */
    public static LoopbackServer start(int hosts) throws IOException {
        if (hosts < 1 || hosts > 200) throw new IllegalArgumentException("hosts must be 1..200: " + hosts);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LoopbackServer.class.getName(), Integer.toString(hosts));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process child = builder.start();
        BufferedWriter toChild = new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8));
        BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = fromChild.readLine();
        if (ready == null || !ready.startsWith(READY + " ")) {
            child.destroyForcibly();
            throw new IOException("the loopback server's JVM did not start (said " + ready + "); its errors are above");
        }
        List<String> hostPorts = List.of(ready.substring(READY.length() + 1).split(" "));
        return new LoopbackServer(child, toChild, fromChild, hostPorts);
    }

    /** Serves these sites from now on; returns each one's URL, in order. */
    public synchronized List<URI> serve(Collection<SyntheticSite> sites) {
        List<URI> urls = new ArrayList<>(sites.size());
        int n = 0;
        try {
            for (SyntheticSite site : sites) {
                toChild.write(String.join("\t", SITE, site.urlPath(), site.id(), Boolean.toString(site.validators()),
                        site.contentType(), site.file().toAbsolutePath().toString()));
                toChild.newLine();
                urls.add(URI.create("http://" + hostPorts.get(n++ % hostPorts.size()) + site.urlPath()));
            }
            ask(SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback server's JVM stopped listening", e);
        }
        return urls;
    }

    /**
     * From now on every body ends in a comment naming {@code revision} (after the root element, so
     * feeds stay well-formed) and carries validators of that revision: every source answers
     * {@code 200} with bytes it has not seen, holding the items it has. Revision 1 is the files as
     * they are.
     */
    public synchronized void revise(int revision) {
        if (revision < 1) throw new IllegalArgumentException("revisions start at 1: " + revision);
        try {
            ask(REVISION + " " + revision);
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback server's JVM stopped answering", e);
        }
    }

    /** Responses sent so far: 200s. */
    public long okResponses() {
        return counts()[0];
    }

    /** Responses sent so far: 304s. */
    public long notModifiedResponses() {
        return counts()[1];
    }

    private synchronized long[] counts() {
        try {
            String[] answer = ask(COUNTS).split(" ");
            return new long[] {Long.parseLong(answer[1]), Long.parseLong(answer[2])};
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback server's JVM stopped answering", e);
        }
    }

    private String ask(String command) throws IOException {
        toChild.write(command);
        toChild.newLine();
        toChild.flush();
        String answer = fromChild.readLine();
        if (answer == null || !answer.startsWith(command)) {
            throw new IOException("the loopback server's JVM answered " + answer + " to " + command);
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            toChild.close();    // end of input: the child stops its servers and exits
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- the child JVM --------------------------------------------------------------------------

    /**
     * The child's side: {@code hosts} as the one argument; prints {@code ready HOST:PORT ...}, then
     * reads {@code site} lines (tab-separated: path, id, validators, content type, file), answers
     * {@code sync}, {@code counts} (with the 200s and 304s sent so far) and {@code revision N}, and
     * stops at the end of its input. Nothing else may go to standard output.
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        System.setOut(System.err);
        Serving serving = Serving.start(Integer.parseInt(args[0]));
        try (serving; BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println(READY + " " + String.join(" ", serving.hostPorts()));
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                switch (f[0].startsWith(REVISION + " ") ? REVISION : f[0]) {
                    case SITE -> serving.add(new Served(f[1], f[2], Boolean.parseBoolean(f[3]), f[4], Path.of(f[5])));
                    case SYNC -> out.println(SYNC);
                    case COUNTS -> out.println(COUNTS + " " + serving.ok.get() + " " + serving.notModified.get());
                    case REVISION -> {
                        serving.revision = Integer.parseInt(f[0].substring(REVISION.length() + 1));
                        out.println(f[0]);
                    }
                    default -> throw new IOException("unknown command: " + line);
                }
                out.flush();
            }
        }
    }

    /** What the child needs to know of a site. */
    private record Served(String urlPath, String id, boolean validators, String contentType, Path file) {}

    /** The HTTP servers in the child, one per loopback address, sharing a pool of handler threads. */
    private static final class Serving implements AutoCloseable {
        private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        private static final Instant FIRST_MODIFIED = Instant.parse("2025-07-01T08:00:00Z");

        private final List<HttpServer> servers = new ArrayList<>();
        private final ExecutorService pool;
        private final Map<String, Served> byPath = new ConcurrentHashMap<>();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong notModified = new AtomicLong();
        private volatile int revision = 1;

        private Serving(ExecutorService pool) {
            this.pool = pool;
        }

        static Serving start(int hosts) throws IOException {
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bench-server-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            Serving serving = new Serving(pool);
            try {
                for (int h = 1; h <= hosts; h++) {
                    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0." + h, 0), 200);
                    http.setExecutor(pool);
                    http.createContext("/", serving::handle);
                    http.start();
                    serving.servers.add(http);
                }
            } catch (IOException | RuntimeException e) {
                serving.close();
                throw e;
            }
            return serving;
        }

        List<String> hostPorts() {
            return servers.stream().map(s -> s.getAddress().getHostString() + ":" + s.getAddress().getPort()).toList();
        }

        void add(Served site) {
            byPath.put(site.urlPath(), site);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                Served site = byPath.get(exchange.getRequestURI().getPath());
                if (site == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                int served = revision;
                String etag = "\"" + site.id() + "-" + served + "\"";
                String lastModified = HTTP_DATE.format(FIRST_MODIFIED.plus(Duration.ofDays(served - 1)));
                if (site.validators()) {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", lastModified);
                    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                    String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                    if (etag.equals(ifNoneMatch) || ifNoneMatch == null && lastModified.equals(ifModifiedSince)) {
                        notModified.incrementAndGet();
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                }
                byte[] body = Files.readAllBytes(site.file());
                if (served > 1) body = revised(body, served);
                exchange.getResponseHeaders().set("Content-Type", site.contentType());
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                ok.incrementAndGet();
            }
        }

        /** The body with a comment naming the revision appended: ASCII, so any of the corpus's charsets. */
        private static byte[] revised(byte[] body, int revision) {
            byte[] comment = ("\n<!-- revision " + revision + " -->\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = Arrays.copyOf(body, body.length + comment.length);
            System.arraycopy(comment, 0, out, body.length, comment.length);
            return out;
        }

        @Override
        public void close() {
            servers.forEach(s -> s.stop(0));
            pool.shutdownNow();
        }
    }
}
