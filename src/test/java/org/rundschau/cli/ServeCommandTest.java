package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.store.WriterLock;
import picocli.CommandLine;

/** {@code serve} and {@code run --serve} as an admin starts them: a real server on a free loopback port. */
class ServeCommandTest {
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/kommune21/listing-2025-02-07.html")) {
            site.stubFor(get(urlEqualTo("/")).willReturn(aResponse()
                    .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(in.readAllBytes())));
        }
        site.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "Kommunale Digitalnachrichten", id: "tag:t.example.org,2026:feed"}
                output: %1$s/public
                database: %1$s/data/t.db
                fetch: {host-gap: 0}
                sources:
                  - id: kommune21
                    name: Kommune21
                    url: %2$s/
                    html: {item: "article", title: "h2, h3", link: "h2 a[href], h3 a[href]", summary: "p", region: ".kicker"}
                  - id: missing
                    url: %2$s/missing
                """.formatted(dir, site.baseUrl()));
    }

    /** A command running on its own thread, stopped like SIGTERM stops it. */
    private record Running(CompletableFuture<Integer> exit, InetSocketAddress address, StringWriter out) {
        static Running start(Callable<Integer> command, CompletableFuture<InetSocketAddress> serving,
                             String... args) throws Exception {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
            InetSocketAddress address = serving.get(30, TimeUnit.SECONDS);
            return new Running(exit, address, out);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + address.getPort() + path);
        }

        int stop(CountDownLatch stop) throws Exception {
            stop.countDown();
            return exit.get(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> fetch(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) request.headers(headers);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveServesWhatOncePublishedWithHealth() throws Exception {
        assertThat(CommandRun.of("once", "--config", config.toString()).code()).isEqualTo(ExitCode.SOURCES_FAILED);
        ServeCommand serve = new ServeCommand();
        Running running = Running.start(serve, serve.serving, "--config", config.toString(), "--port", "0",
                "--bind", "127.0.0.1");
        try {
            HttpResponse<String> page = fetch(running.uri("/"));
            HttpResponse<String> feed = fetch(running.uri("/feed.atom"));
            HttpResponse<String> opml = fetch(running.uri("/sources.opml"));
            JsonNode health = new ObjectMapper().readTree(fetch(running.uri("/health")).body());

            Document index = Jsoup.parse(page.body());
            assertThat(index.select("main article h3").eachText()).contains("Neue CIO für den Freistaat");
            assertThat(index.select("#sources li.source").eachAttr("class")).containsExactly("source ok", "source failing");
            assertThat(feed.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
            assertThat(fetch(running.uri("/feed.atom"), "If-None-Match", feed.headers().firstValue("ETag").orElseThrow())
                    .statusCode()).isEqualTo(304);
            assertThat(opml.body()).contains("<opml version=\"2.0\">").contains("text=\"Kommune21\"");
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("sources").get(0).get("state").asText()).isEqualTo("ok");
            assertThat(health.get("sources").get(1).get("lastError").asText()).contains("404");
            assertThat(health.get("lastPublished").isNull()).isFalse();
            assertThat(running.out().toString()).contains("Serving " + dir.resolve("public") + " on http://127.0.0.1:");
        } finally {
            assertThat(running.stop(serve.stop)).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void runWithServePublishesAndServesInOneProcess() throws Exception {
        // once fills the store; run then finds no source due and publishes from the store at start.
        assertThat(CommandRun.of("once", "--config", config.toString()).code()).isEqualTo(ExitCode.SOURCES_FAILED);
        deleteFolder(dir.resolve("public"));
        RunCommand run = new RunCommand();
        Running running = Running.start(run, run.serving, "--config", config.toString(), "--serve", "--port", "0",
                "--bind", "127.0.0.1");
        try {
            Document index = Jsoup.parse(awaitPage(running, "/"));

            assertThat(index.select("main article h3").eachText()).contains("Neue CIO für den Freistaat");
            assertThat(index.select("#sources li.source").eachAttr("class")).containsExactly("source ok", "source failing");
            assertThat(fetch(running.uri("/region/sachsen.html")).statusCode()).isEqualTo(200);
            JsonNode health = new ObjectMapper().readTree(fetch(running.uri("/health")).body());
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("lastPublished").isNull()).isFalse();
        } finally {
            assertThat(running.stop(run.stop)).isEqualTo(ExitCode.OK);
        }
    }

    /** Waits until the page exists: run publishes a moment after it starts (bounded, not timed). */
    private static String awaitPage(Running running, String path) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> response = fetch(running.uri(path));
            if (response.statusCode() == 200) {
                return response.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run --serve published no " + path + " within 30 s: " + running.out());
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void serveRunsBesideAWriterThatHoldsTheDatabaseLock() throws Exception {
        assertThat(CommandRun.of("once", "--config", config.toString()).code()).isEqualTo(ExitCode.SOURCES_FAILED);
        try (WriterLock writer = WriterLock.acquire(dir.resolve("data/t.db"), Duration.ZERO, Clock.systemUTC())) {
            ServeCommand serve = new ServeCommand();
            Running running = Running.start(serve, serve.serving, "--config", config.toString(), "--port", "0",
                    "--bind", "127.0.0.1");
            try {
                assertThat(fetch(running.uri("/health")).statusCode()).isEqualTo(200);
                assertThat(fetch(running.uri("/")).statusCode()).isEqualTo(200);
            } finally {
                assertThat(running.stop(serve.stop)).isEqualTo(ExitCode.OK);
            }
        }
    }

    @Test
    void aPortInUseIsReportedAndExitsThree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("serve", "--config", config.toString(), "--bind", "127.0.0.1",
                    "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.code()).isEqualTo(ExitCode.INTERNAL);
            assertThat(run.err()).contains("serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use: another program listens there; stop it or give --port N");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CommandRun run = CommandRun.of("serve", "--config", config.toString(), "--port", "70000");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--port must be between 0 and 65535: 70000");
    }

    @Test
    void runTakesAPortOnlyWithServe() {
        CommandRun run = CommandRun.of("run", "--config", config.toString(), "--port", "9000");

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--port and --bind need --serve");
    }

    @Test
    void serveHasHelpWithPortAndConfig() {
        CommandRun run = CommandRun.of("serve", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: rundschau serve").contains("--port=N").contains("--config=FILE")
                .contains("default: 8080");
    }
}
