package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DatabaseConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.FetchConfig;
import org.rundschau.config.Schedule;
import org.rundschau.config.Selector;
import org.rundschau.config.SelectorRules;
import org.rundschau.config.SourceConfig;
import org.rundschau.config.SourceKind;
import org.rundschau.testing.TempFolders;

/**
 * Soak test, not part of the suite: thousands of refresh-and-publish cycles against local stubs,
 * printing heap after GC, live threads and open file descriptors, which must stay flat.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx128m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.rundschau.cli.Soak 3000
 * </pre>
 * Arguments: cycles (default 2000), sources (default 20). Every fifth source changes its content
 * every 50 cycles, the others answer 304, failing ones 500 or a reset connection.
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int sourceCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("rundschau-soak");
        WireMockServer site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        site.start();
        try {
            List<SourceConfig> sources = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) {
                sources.add(source(site, i, 0));
            }
            AppConfig config = new AppConfig(dir.resolve("soak.yaml"), new FeedConfig("Soak", "tag:soak.example,2026:f", "", 100),
                    dir.resolve("public"), new DatabaseConfig.Sqlite(dir.resolve("data/soak.db")), ZoneId.of("Europe/Berlin"), Locale.GERMAN,
                    Schedule.parse("every 30m"), new FetchConfig(Duration.ZERO, Duration.ofSeconds(5), 1 << 20, "", false),
                    Map.of(), sources);
            System.out.printf("%8s %10s %8s %8s %10s%n", "cycle", "heap KiB", "threads", "open fds", "ms/cycle");
            long started = System.nanoTime();
            try (App app = App.open(config, Clock.systemUTC(), Duration.ZERO)) {
                for (int cycle = 1; cycle <= cycles; cycle++) {
                    if (cycle % 50 == 0) {
                        for (int i = 0; i < sourceCount; i += 5) source(site, i, cycle / 50);
                    }
                    // Sources never back off here: the soak is about the steady state of the pipeline.
                    for (SourceConfig s : sources) app.refresher().refresh(s);
                    app.republisher().publish(config);
                    if (cycle == 1 || cycle % (cycles / 10 == 0 ? 1 : cycles / 10) == 0) {
                        report(cycle, (System.nanoTime() - started) / 1_000_000.0 / cycle);
                    }
                }
            }
            printThreadCensus();
        } finally {
            site.stop();
            TempFolders.deleteQuietly(dir);
        }
    }

    /** Serves source {@code i} in content version {@code version}; returns its config. */
    private static SourceConfig source(WireMockServer site, int i, int version) {
        String path = "/s" + i;
        String etag = "\"" + i + "-" + version + "\"";
        boolean html = i % 2 == 0;
        StringBuilder body = new StringBuilder(html ? "<html><body>" : "<rss version=\"2.0\"><channel><title>S</title>"
                + "<link>https://s.example/</link><description>d</description>");
        for (int n = 0; n < 20; n++) {
            String title = "Meldung " + i + "." + n + " Version " + (n == 0 ? version : 0);
            body.append(html
                    ? "<article><h2><a href=\"/m/" + n + "\">" + title + "</a></h2><p>[07.02.2025] Text " + n + "</p></article>"
                    : "<item><title>" + title + "</title><link>https://s.example/" + i + "/" + n + "</link></item>");
        }
        body.append(html ? "</body></html>" : "</channel></rss>");
        if (i % 10 == 9) {
            site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        } else {
            site.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", absent()).willReturn(aResponse()
                    .withHeader("Content-Type", html ? "text/html; charset=utf-8" : "application/rss+xml")
                    .withHeader("ETag", etag).withBody(body.toString())));
            site.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", equalTo(etag))
                    .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        }
        URI url = URI.create("http://127.0.0.1:" + site.port() + path);
        SelectorRules rules = html ? new SelectorRules(Selector.parse("article"), Selector.parse("h2"), Selector.parse("h2 a"),
                Selector.NONE, Selector.parse("p"), Selector.NONE) : null;
        return new SourceConfig("s" + i, "Source " + i, url, html ? SourceKind.HTML : SourceKind.FEED, "",
                ZoneId.of("Europe/Berlin"), Locale.GERMAN, Schedule.parse("every 30m"), rules);
    }

    private static void report(int cycle, double msPerCycle) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        int threads = Thread.activeCount();
        long fds;
        try (var files = Files.list(Path.of("/proc/self/fd"))) {
            fds = files.count();
        }
        System.out.printf("%8d %10d %8d %8d %10.1f%n", cycle, heap, threads, fds, msPerCycle);
    }

    /** Live threads by name, digits folded: shows which pool a growing count belongs to. */
    private static void printThreadCensus() {
        Map<String, Long> byName = new java.util.TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> byName.merge(t.getName().replaceAll("\\d+", "#"), 1L, Long::sum));
        System.out.println("threads: " + byName);
    }
}
