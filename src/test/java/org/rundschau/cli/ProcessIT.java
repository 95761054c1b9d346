package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rundschau as separate operating-system processes, the way cron and service managers run it:
 * SIGTERM stops {@code run} cleanly, {@code kill -9} at any moment leaves a sound database and
 * never a partial feed, and two processes never write to one database together.
 */
class ProcessIT {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;
    private final Map<Process, Path> logs = new HashMap<>();

    @AfterEach
    void killLeftovers() {
        logs.keySet().forEach(Process::destroyForcibly);
    }

    @BeforeEach
    void serveABigFeedAndWriteConfig() throws IOException {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Big</title><link>https://example.org/</link><description>D</description>");
        for (int i = 0; i < 1000; i++) {
            rss.append("<item><title>Meldung ").append(i).append("</title><link>https://example.org/m/").append(i)
                    .append("</link><description>Text der Meldung ").append(i).append(" mit etwas Inhalt.</description>")
                    .append("<pubDate>Fri, 07 Feb 2025 10:").append(String.format("%02d", i % 60)).append(":00 +0100</pubDate></item>");
        }
        rss.append("</channel></rss>");
        site.stubFor(get(urlEqualTo("/big.xml")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml").withBody(rss.toString())));
        site.stubFor(get(urlEqualTo("/slow.xml")).willReturn(aResponse().withFixedDelay(20_000)
                .withHeader("Content-Type", "application/rss+xml").withBody(rss.toString())));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "T", id: "tag:t.example.org,2026:feed", entries: 500}
                output: %1$s/public
                database: %1$s/data/t.db
                fetch: {host-gap: 0}
                sources:
                  - id: big
                    url: http://localhost:%2$d/big.xml
                  - id: slow
                    url: http://127.0.0.1:%2$d/slow.xml
                """.formatted(dir, site.getPort()));
    }

    @Test
    void sigtermStopsRunCleanlyWhileAFetchIsInFlight() throws Exception {
        Process run = start("run", "--startup-spread", "0");
        awaitFile(dir.resolve("public/feed.atom"), run);

        run.destroy();   // SIGTERM

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("run stops after SIGTERM; output:%n%s", output(run)).isTrue();
        String log = output(run);
        assertThat(log).contains("stopping");
        // A clean stop is a success: systemd marks a unit that exits 143 as failed.
        assertThat(run.exitValue()).as("exit code after SIGTERM; output:%n%s", log).isZero();
        assertDatabaseSound();
        assertFeedWellFormed();
    }

    @Test
    void sigtermStopsServeWithExitCodeZero() throws Exception {
        Process serve = start("serve", "--bind", "127.0.0.1", "--port", "0");
        for (int i = 0; i < 300 && !output(serve).contains("Serving"); i++) {
            assertThat(serve.isAlive()).as("serve still running; output:%n%s", output(serve)).isTrue();
            Thread.sleep(100);
        }

        serve.destroy();   // SIGTERM

        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops after SIGTERM; output:%n%s", output(serve)).isTrue();
        assertThat(serve.exitValue()).as("exit code after SIGTERM; output:%n%s", output(serve)).isZero();
    }

    @Test
    void aReloadedConfigWithANewOutputFolderIsPublishedThereWithoutWaitingForNews() throws Exception {
        // Without the slow source, whose answer after 20 s would be news that publishes anyway.
        String withoutSlow = Files.readString(config);
        // All 1,000 items are entries (not only the newest 10 of a first fetch): 20 full archive pages.
        Files.writeString(config, withoutSlow.substring(0, withoutSlow.indexOf("  - id: slow"))
                .replace("fetch: {host-gap: 0}", "fetch: {host-gap: 0}\ndedup: {first-fetch-limit: 1000}"));
        Process run = start("run", "--startup-spread", "0");
        awaitFile(dir.resolve("public/feed.atom"), run);

        // Only the output folder and the title change: no source does, and no news comes.
        Files.writeString(config, Files.readString(config).replace("title: \"T\"", "title: \"Neu\"")
                .replace("/public", "/public-2"));

        Path moved = dir.resolve("public-2/feed.atom");
        awaitFile(moved, run);
        assertThat(Files.readString(moved)).contains("<title type=\"text\">Neu</title>").contains("<entry>");
        assertThat(archivePages("public")).hasSize(20);
        assertThat(archivePages("public-2")).as("the archive pages, too").isEqualTo(archivePages("public"));
        assertThat(output(run)).contains("configuration reloaded: 1 source (");
    }

    @Test
    void killMinus9AtAnyMomentLeavesASoundDatabaseAndNoPartialFeed() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 3; round++) {
            Process once = start("once");
            Thread.sleep(300 + random.nextInt(1500));
            once.destroyForcibly();   // SIGKILL
            once.waitFor(10, TimeUnit.SECONDS);
            assertDatabaseSound();
            if (Files.exists(dir.resolve("public/feed.atom"))) assertFeedWellFormed();
        }
        Process finish = start("once", "--lock-wait", "5");
        assertThat(finish.waitFor(90, TimeUnit.SECONDS)).as("output:%n%s", output(finish)).isTrue();
        assertThat(output(finish)).contains("ok    big");
        assertFeedWellFormed();
    }

    @Test
    void aSecondProcessWaitsForTheWriterThenGivesUpWithExitCode4() throws Exception {
        Process run = start("run", "--startup-spread", "0");
        awaitFile(dir.resolve("public/feed.atom"), run);

        Process once = start("once", "--lock-wait", "1");

        assertThat(once.waitFor(60, TimeUnit.SECONDS)).as("output:%n%s", output(once)).isTrue();
        assertThat(once.exitValue()).isEqualTo(ExitCode.LOCKED);
        assertThat(output(once)).contains("another Rundschau process (pid " + run.pid() + ") is writing to")
                .contains("Nothing was fetched");
        run.destroy();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("run stops after SIGTERM; output:%n%s", output(run)).isTrue();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.rundschau.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        Path log = dir.resolve("process-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        logs.put(process, log);
        return process;
    }

    /** The archive pages in the output folder {@code name}, by file name (written before the feed that links them). */
    private List<String> archivePages(String name) throws IOException {
        Path archive = dir.resolve(name).resolve("archive");
        if (!Files.isDirectory(archive)) return List.of();
        try (var files = Files.list(archive)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String output(Process process) throws IOException {
        return Files.readString(logs.get(process), StandardCharsets.UTF_8);
    }

    private void awaitFile(Path file, Process process) throws Exception {
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            assertThat(process.isAlive()).as("process still running; output:%n%s", output(process)).isTrue();
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }

    private void assertDatabaseSound() throws Exception {
        Path db = dir.resolve("data/t.db");
        if (!Files.exists(db)) return;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    private void assertFeedWellFormed() throws Exception {
        Path feed = dir.resolve("public/feed.atom");
        assertThat(Files.size(feed)).isPositive();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(feed.toFile());   // throws when partial
    }
}
