package org.rundschau.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's {@code rss-bridge} with its generic XPathBridge, served by {@code php -S} on loopback
 * with opcache on. The Debian files are copied to a work folder (following Debian's symlinks to
 * /etc and /var) so that its whitelist and cache are ours. CPU is read from /proc for the one
 * PHP process, which serves requests one at a time and fetches the page itself with libcurl.
 */
public final class RssBridge implements AutoCloseable {
    public static final Path INSTALLED = Path.of("/usr/share/rss-bridge");
    private static final Path PHP = Path.of("/usr/bin/php");

    private final Process php;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final double ticksPerSecond;

    private RssBridge(Process php, int port, double ticksPerSecond) {
        this.php = php;
        this.port = port;
        this.ticksPerSecond = ticksPerSecond;
    }

    public static boolean installed() {
        return Files.isRegularFile(INSTALLED.resolve("bridges/XPathBridge.php")) && Files.isExecutable(PHP);
    }

    /** Copies rss-bridge to {@code dir}, whitelists XPathBridge and starts PHP's server on a free port. */
    public static RssBridge start(Path dir) throws IOException, InterruptedException {
        Path root = dir.resolve("rss-bridge");
        Files.createDirectories(dir);
        ChildCpu.run("cp -rL '" + INSTALLED + "' '" + root + "'", dir.resolve("copy.log"), Map.of(), Duration.ofMinutes(2));
        Files.createDirectories(root.resolve("cache"));
        Files.deleteIfExists(root.resolve("whitelist.txt"));
        Files.writeString(root.resolve("whitelist.txt"), "XPath\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Process php = new ProcessBuilder(PHP.toString(), "-d", "opcache.enable=1", "-d", "opcache.enable_cli=1",
                "-d", "opcache.validate_timestamps=0", "-S", "127.0.0.1:" + port, "-t", root.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("php-server.log").toFile()).start();
        RssBridge bridge = new RssBridge(php, port, clockTicks());
        bridge.awaitListening();
        return bridge;
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!php.isAlive()) throw new IOException("php -S exited with " + php.exitValue());
                Thread.sleep(100);
            }
        }
        throw new IOException("php -S did not listen on port " + port);
    }

    private static double clockTicks() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor();
        return out.isEmpty() ? 100 : Double.parseDouble(out);
    }

    /** The XPath expressions that read one markup, as an admin would configure the bridge. */
    public static Map<String, String> expressions(SyntheticSite.Kind kind) {
        Map<String, String> x = new LinkedHashMap<>();
        switch (kind) {
            case HTML_ARTICLE -> {
                x.put("item", "//article[@class=\"news\"]");
                x.put("title", ".//h2/a");
                x.put("uri", ".//h2/a/@href");
                x.put("content", ".//p[@class=\"teaser\"]");
                x.put("timestamp", ".//time/@datetime");
            }
            case HTML_LIST -> {
                x.put("item", "//ul[@class=\"meldungen\"]/li");
                x.put("title", "./a");
                x.put("uri", "./a/@href");
                x.put("content", "./span[@class=\"text\"]");
                x.put("timestamp", "./span[@class=\"date\"]");
            }
            case HTML_TEASER -> {
                x.put("item", "//div[@class=\"teaser\"]");
                x.put("title", "./h3");
                x.put("uri", ".//a[@class=\"more\"]/@href");
                x.put("content", "./p");
            }
            case HTML_TABLE -> {
                x.put("item", "//table[@class=\"liste\"]//tr[@class=\"row\"]");
                x.put("title", "./td[@class=\"title\"]/a");
                x.put("uri", "./td[@class=\"title\"]/a/@href");
                x.put("content", "./td[@class=\"desc\"]");
                x.put("timestamp", "./td[@class=\"date\"]");
            }
            default -> throw new IllegalArgumentException("not an HTML markup: " + kind);
        }
        return x;
    }

    /**
     * Asks the bridge for an Atom feed of {@code page}; returns how many entries it holds.
     *
     * @throws IOException when the bridge answers with anything but 200
     */
    public int atomEntries(URI page, SyntheticSite.Kind kind) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", "display");
        query.put("bridge", "XPath");
        query.put("format", "Atom");
        query.put("url", page.toString());
        query.putAll(expressions(kind));
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/?" + encoded)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("rss-bridge answered " + response.statusCode() + " for " + page + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body().split("<entry", -1).length - 1;
    }

    /** CPU the PHP process used so far (user + system), in seconds, from /proc. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + php.pid() + "/stat"));
        // Fields after the command name (which may contain spaces) start after the last ')'.
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        long utime = Long.parseLong(fields.get(11));
        long stime = Long.parseLong(fields.get(12));
        return (utime + stime) / ticksPerSecond;
    }

    /** The PHP version line, for the record. */
    public static String phpVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PHP.toString(), "-v").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("php").strip();
    }

    @Override
    public void close() {
        php.destroy();
    }
}
