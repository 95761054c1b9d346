package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.serve.FeedServer;

/**
 * The page as a person sees it: {@code once} publishes saved pages (served by WireMock) into a real
 * store and output folder, Rundschau's own server serves the folder, and headless Chromium (Debian's
 * {@code chromium}) loads it. The DOM Chromium built is checked for structure; its print-out, turned
 * back into text by {@code pdftotext} (Debian's {@code poppler-utils}), is checked for what is
 * visibly on the page and in which order.
 */
class PageInBrowserIT {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dir;
    static FeedServer server;
    static String base;
    /** The index page as Chromium built it, and as it printed it (read once: each Chromium run costs seconds). */
    static Document index;
    static String seen;

    @BeforeAll
    static void publishAndServe() throws Exception {
        requireTool("chromium", "install Debian's chromium (apt-get install chromium)");
        requireTool("pdftotext", "install Debian's poppler-utils (apt-get install poppler-utils)");
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(resource("fixtures/kommune21/listing-2025-02-07.html"))));
        site.stubFor(get(urlEqualTo("/amtsblatt")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(resource("page/hostile-listing.html"))));
        site.stubFor(get(urlEqualTo("/gone.xml")).willReturn(aResponse().withStatus(404)));
        Path config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed: {title: "Kommunale Digitalnachrichten", id: "tag:t.example.org,2026:feed", entries: 30}
                output: %1$s/public
                database: %1$s/data/t.db
                fetch: {host-gap: 0}
                sources:
                  - id: kommune21
                    name: Kommune21
                    url: %2$s/
                    html: {item: "article", title: "h2, h3", link: "h2 a[href], h3 a[href]", summary: "p", region: ".kicker"}
                  - id: amtsblatt
                    name: "Amtsblatt <Musterstadt> & Co"
                    url: %2$s/amtsblatt
                    html: {item: "article", title: "h2", link: "h2 a[href]", summary: "p"}
                  - id: gone
                    name: Verschwundener Feed
                    url: %2$s/gone.xml
                """.formatted(dir, site.baseUrl()));
        CommandRun once = CommandRun.of("once", "--config", config.toString());
        assertThat(once.code()).as(once.out() + once.err()).isEqualTo(ExitCode.SOURCES_FAILED);
        server = FeedServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dir.resolve("public"),
                List::of);
        base = "http://127.0.0.1:" + server.address().getPort() + "/";
        index = renderedDom(base);
        seen = visibleText(base);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aPersonSeesTheNewestEntriesByDayWithRegionSourceAndSummary() {
        assertThat(seen).containsSubsequence("Kommunale Digitalnachrichten",
                "Freitag, 7. Februar 2025", "Sachsen · Kommune21", "Neue CIO für den Freistaat",
                "Daniela Dylakiewicz ist neue CIO",
                "Mittwoch, 5. Februar 2025",
                "Montag, 3. Februar 2025", "Kreis Recklinghausen · Kommune21", "Info-Plattform zum Smart-City-Ansatz",
                "Regionen", "Quellen");
    }

    @Test
    void markupInHeadlinesAndNamesIsSeenAsTextAndNeverRuns() {
        assertThat(index.select("script, img, iframe, object, embed")).isEmpty();
        assertThat(index.select("main article h3").eachText())
                .contains("<script>alert(\"x\")</script> Grüße aus Köln & Umgebung", "Neues Landesportal <beta>");
        assertThat(seen).contains("Grüße aus Köln & Umgebung", "Neues Landesportal <beta>",
                "Ein Text mit <b>Markup</b> und <img src=x", "Amtsblatt <Musterstadt> & Co");
    }

    @Test
    void aPersonSeesEverySourcesHealthAndTheErrorOnlyThere() {
        int sources = seen.indexOf("Quellen", seen.indexOf("Regionen"));

        assertThat(seen.substring(sources)).containsSubsequence("Kommune21", "ok", "zuletzt erfolgreich",
                "Amtsblatt <Musterstadt> & Co", "ok",
                "Verschwundener Feed", "gestört (1 Fehlversuch)", "noch nie erfolgreich", "Letzter Fehler:",
                "404");
        assertThat(seen.substring(0, sources)).doesNotContain("Letzter Fehler").doesNotContain("404");
    }

    @Test
    void feedsAreDiscoverableAndLinkedAndRegionPagesWork() throws Exception {
        assertThat(index.select("head link[rel=alternate]").eachAttr("abs:href"))
                .containsExactly(base + "feed.atom", base + "feed.rss", base + "feed.json");
        assertThat(index.select("a[href]").eachAttr("abs:href")).contains(base + "sources.opml",
                base + "region/sachsen.html", base + "region/baden-wuerttemberg.atom", base + "source/kommune21.atom");
        Document region = renderedDom(base + "region/baden-wuerttemberg.html");
        assertThat(region.selectFirst("h1").text()).isEqualTo("Baden-Württemberg");
        assertThat(region.select("main article h3").eachText()).containsExactly("Neues Landesportal <beta>");
        assertThat(region.selectFirst("header a").attr("abs:href")).isEqualTo(base + "index.html");
    }

    // --- the browser ------------------------------------------------------------------------------

    /** The DOM after Chromium loaded and rendered {@code url}. */
    private static Document renderedDom(String url) throws Exception {
        String html = new String(chromium("--dump-dom", url), StandardCharsets.UTF_8);
        return Jsoup.parse(html, url, Parser.htmlParser());
    }

    /** What Chromium puts on paper for {@code url}, as text in reading order. */
    private static String visibleText(String url) throws Exception {
        Path pdf = Files.createTempFile(dir, "page", ".pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, url);
        byte[] text = run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        return new String(text, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    private static byte[] chromium(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static byte[] run(List<String> command) throws Exception {
        File errors = dir.resolve("tool-errors.txt").toFile();
        Process process = new ProcessBuilder(command).redirectError(errors).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 60 s");
        }
        assertThat(process.exitValue()).as(command + ": " + Files.readString(errors.toPath())).isZero();
        return out;
    }

    private static void requireTool(String tool, String hint) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new AssertionError(tool + " not found: " + hint, e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PageInBrowserIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return in.readAllBytes();
        }
    }
}
