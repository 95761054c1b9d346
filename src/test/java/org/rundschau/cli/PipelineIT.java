package org.rundschau.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.testing.AtomChecks;
import org.rundschau.testing.FeedFormats;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * End to end: saved pages and feeds served over HTTP by WireMock, through {@code once} into a
 * real SQLite file, out as feed.atom, checked entry by entry against hand-made expectations.
 */
class PipelineIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void serveSourcesAndWriteConfig() throws IOException {
        site.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(resource("fixtures/kommune21/listing-2025-02-07.html"))));
        site.stubFor(get(urlEqualTo("/latin1.xml")).willReturn(aResponse()
                .withHeader("Content-Type", "application/rss+xml").withBody(resource("extract/feeds/feedrs__rss_2.0_encoding_1.xml"))));
        site.stubFor(get(urlEqualTo("/rtl.xml")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody(resource("extract/feeds/rome__CDATATestFeed_rtl.xml"))));
        site.stubFor(get(urlEqualTo("/gone.xml")).willReturn(aResponse().withStatus(404).withBody("<h1>Not found</h1>")));
        site.stubFor(get(urlEqualTo("/page.html")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>Willkommen</h1><p>Keine Nachrichten</p></body></html>")));
        config = dir.resolve("rundschau.yaml");
        Files.writeString(config, """
                feed:
                  title: "Test feed"
                  id: "tag:test.example.org,2026:combined"
                  self: "https://test.example.org/feed.atom"
                  entries: 100
                output: %1$s/public
                database: %1$s/data/test.db
                fetch: {host-gap: 0}
                dedup: {first-fetch-limit: 100}   # every item of the fixtures, not only the newest 10
                timezone: Europe/Berlin
                locale: de
                sources:
                  - id: kommune21
                    name: Kommune21
                    url: %2$s/
                    html:
                      item: "article"
                      title: "h2, h3"
                      link: "h2 a[href], h3 a[href]"
                      summary: "p"
                      region: ".kicker"
                  - id: latin1
                    name: Inovação Tecnológica
                    url: %2$s/latin1.xml
                  - id: rtl
                    name: RTL
                    url: %2$s/rtl.xml
                  - id: gone
                    url: %2$s/gone.xml
                  - id: not-a-feed
                    url: %2$s/page.html
                  - id: refused
                    url: http://127.0.0.1:1/feed.xml
                """.formatted(dir, site.baseUrl()));
    }

    @Test
    void publishesEveryItemOfTheHealthySourcesAndReportsTheBrokenOnes() throws Exception {
        CommandRun run = once();

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(run.out()).containsPattern("FAIL\\s+gone\\s+HTTP 404")
                .containsPattern("FAIL\\s+not-a-feed\\s+\\S")
                .containsPattern("FAIL\\s+refused\\s+\\S")
                .containsPattern("ok\\s+kommune21\\s+16 items: 16 new");
        Path feed = dir.resolve("public/feed.atom");
        AtomChecks.assertValid(feed);

        List<Element> entries = entries(feed);
        // kommune21's 16, the Latin-1 feed's one, and the RTL feed's two items that share one guid and link: one story
        assertThat(entries).hasSize(16 + 1 + 1);
        assertThat(entries).allSatisfy(e -> assertThat(text(e, "id")).startsWith("tag:test.example.org,2026:"));
        assertThat(entries).noneSatisfy(e -> assertThat(text(e, "title")).containsAnyOf("404", "Willkommen", "refused"));
    }

    @Test
    void writesEveryFeedDocumentAndEachIsValid() throws Exception {
        once();
        Path out = dir.resolve("public");

        List<Path> atom;
        try (var files = Files.walk(out)) {
            atom = files.filter(f -> f.toString().endsWith(".atom")).toList();
        }
        assertThat(atom).contains(out.resolve("feed.atom"), out.resolve("source/kommune21.atom"),
                out.resolve("source/latin1.atom"), out.resolve("region/sachsen.atom"),
                out.resolve("region/rheinland-pfalz.atom"));
        AtomChecks.assertAllValid(atom);
        FeedFormats.assertValidRss(out.resolve("feed.rss"));
        assertThat(FeedFormats.assertValidJsonFeed(out.resolve("feed.json")).get("items")).hasSize(16 + 1 + 1);
    }

    @Test
    void kommune21ItemsComeOutWithDateRegionTitleSummaryAndCanonicalLink() throws Exception {
        once();
        Map<String, Element> byLink = entries(dir.resolve("public/feed.atom")).stream()
                .collect(Collectors.toMap(PipelineIT::alternate, Function.identity()));

        List<String[]> expected = expectedRows();
        assertThat(expected).hasSize(16);
        for (String[] row : expected) {
            String link = row[3].replace("https://www.kommune21.de", site.baseUrl());
            Element entry = byLink.get(link);
            assertThat(entry).as("entry for " + link + " among " + byLink.keySet()).isNotNull();
            String region = row[1];
            assertThat(text(entry, "title")).isEqualTo(region.isEmpty() ? row[2] : region + ": " + row[2]);
            assertThat(categories(entry)).isEqualTo(region.isEmpty() ? List.of() : List.of(region));
            assertThat(text(entry, "summary")).startsWith(row[4]).doesNotContain("mehr...").doesNotStartWith("[");
            if (!row[0].isEmpty()) {
                assertThat(java.time.OffsetDateTime.parse(text(entry, "published")).toInstant())
                        .isEqualTo(java.time.Instant.parse(row[0]));
            }
        }
    }

    @Test
    void secondRunOnUnchangedSourcesAddsNothingAndLeavesTheFeedByteForByteTheSame() throws Exception {
        once();
        Path feed = dir.resolve("public/feed.atom");
        byte[] first = Files.readAllBytes(feed);
        long modified = Files.getLastModifiedTime(feed).toMillis();

        CommandRun second = once();

        assertThat(second.out()).containsPattern("items\\s+0 new, 0 updated");
        assertThat(Files.readAllBytes(feed)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(feed).toMillis()).isEqualTo(modified);
    }

    @Test
    void statusAndWhyBeforeTheFirstRunSayNothingRanAndCreateNoDatabase() {
        CommandRun status = run("status", "--config", config.toString());
        CommandRun why = run("why", "--config", config.toString(), "https://example.org/");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).containsPattern("kommune21\\s+new\\s+never\\s+0\\s+-\\s+0\\s+on schedule");
        assertThat(why.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(why.err()).contains("nothing is stored yet: " + dir.resolve("data/test.db") + " does not exist");
        assertThat(dir.resolve("data/test.db")).doesNotExist();
    }

    @Test
    void statusShowsEachSourcesHealthAsATableAndAsJson() throws Exception {
        once();

        CommandRun table = run("status", "--config", config.toString());
        assertThat(table.code()).isEqualTo(ExitCode.SOURCES_FAILED);
        assertThat(table.out()).containsPattern("kommune21\\s+ok\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d CES?T\\s+0\\s+200\\s+16")
                .containsPattern("gone\\s+FAILING\\s+never\\s+1\\s+404\\s+0\\s+\\d{4}.*HTTP 404")
                .doesNotContainPattern("(?m) $");

        CommandRun json = run("status", "--json", "--config", config.toString());
        var sources = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(sources).hasSize(6);
        var gone = sources.get(3);
        assertThat(gone.get("id").asText()).isEqualTo("gone");
        assertThat(gone.get("state").asText()).isEqualTo("failing");
        assertThat(gone.get("lastHttpStatus").asInt()).isEqualTo(404);
        assertThat(gone.get("lastError").asText()).startsWith("HTTP 404");
        assertThat(gone.get("nextAttempt").asText()).matches("\\d{4}-.*Z");
        assertThat(sources.get(0).get("lastSuccess").isNull()).isFalse();
    }

    @Test
    void validateReportsTheSummaryOfAGoodConfig() {
        CommandRun run = run("validate", "--config", config.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("OK, 6 sources (1 HTML page, 5 feeds)");
    }

    @Test
    void badConfigExitsTwoWithFileAndLine() throws IOException {
        Files.writeString(config, Files.readString(config).replace("  title: \"Test feed\"", "  titel: \"Test feed\""));
        CommandRun run = run("once", "--config", config.toString());
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(config + ":2:");
        assertThat(dir.resolve("public/feed.atom")).doesNotExist();
    }

    private CommandRun once() {
        return run("once", "--config", config.toString());
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PipelineIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String[]> expectedRows() throws IOException {
        String tsv = new String(resource("fixtures/kommune21/listing-2025-02-07.expected.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).map(line -> line.split("\t", -1)).toList();
    }

    private static List<Element> entries(Path feed) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(feed.toFile());
        NodeList list = doc.getElementsByTagNameNS(ATOM, "entry");
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) result.add((Element) list.item(i));
        return result;
    }

    private static String text(Element entry, String name) {
        NodeList list = entry.getElementsByTagNameNS(ATOM, name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }

    private static String alternate(Element entry) {
        NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getParentNode() == entry && List.of("", "alternate").contains(link.getAttribute("rel"))) {
                return link.getAttribute("href");
            }
        }
        return "";
    }

    private static List<String> categories(Element entry) {
        NodeList list = entry.getElementsByTagNameNS(ATOM, "category");
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == entry) terms.add(((Element) list.item(i)).getAttribute("term"));
        }
        return terms;
    }

}
