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
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rundschau.testing.AtomChecks;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The whole pipeline on the real pages and feeds of the corpus (copies in
 * {@code src/test/resources/extract/}): each is served by WireMock at the path it was published
 * under, read by {@code once} with the selectors an admin would configure (from its label), and
 * every labelled item is looked for in the written feed.atom with its normalised title, region,
 * link, date and the start of its summary.
 *
 * <p>How a label becomes an expectation, where Rundschau normalises on purpose:
 * <ul>
 *   <li>title: a headline labelled with a region loses its {@code Region: } prefix; the Atom title
 *       is then {@code Canonical region: rest} with a {@code category} for the region;</li>
 *   <li>link: in canonical form (lower-case host); the fragment only where it tells two labelled
 *       items of one page apart (HN's two comments on one Forbes article, Scripting News's
 *       anchored items), else dropped; a link on the page's own host is served by WireMock, so its
 *       origin is WireMock's;</li>
 *   <li>date: date and time in the page's zone (date alone: midnight there); no date: the time the
 *       item was first seen, i.e. during the run, never a date invented from the page;</li>
 *   <li>summary: starts with the labelled 60 characters, less a "Read more" tail the label keeps.</li>
 * </ul>
 * Items whose canonical links coincide are one story and one entry, under the first one's title.
 */
class CorpusPipelineIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String HTML_DIR = "extract/html/";
    private static final String FEED_DIR = "extract/feeds/";
    private static final String FEED_ID = "tag:test.example.org,2026:corpus";
    private static final String ENTRY_IDS = "tag:test.example.org,2026:";
    /** Canonical names of the regions the labels give as written on the page. */
    private static final Map<String, String> CANONICAL_REGIONS = Map.of("NRW", "Nordrhein-Westfalen");
    /** Stories per feed where items share an identity (label: "dedup by guid/link"); others: one per entry. */
    private static final Map<String, Integer> STORIES = Map.of("rome__CDATATestFeed_rtl.xml", 1);
    /** Where feeds with relative links were published (from their label's notes); others get a plain path. */
    private static final Map<String, String> FEED_URLS = Map.of(
            "feedrs__atom_relative.xml", "https://example.com/blog/feed.xml",
            "feedrs__rss_2.0_relurl_2.xml", "https://kryogenix.org/random/relurleg.xml");

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** For the run over all feeds, and the written feeds validated together at the end (jing is slow to start). */
    @TempDir
    static Path shared;
    private static final List<Path> written = new ArrayList<>();
    private static FeedRun feedRun;

    @TempDir
    Path dir;

    @AfterAll
    static void everyWrittenFeedIsValidAtom() {
        assertThat(written).isNotEmpty();
        AtomChecks.Outcome grammar = AtomChecks.relaxNg(written.toArray(Path[]::new));
        assertThat(grammar.passed()).as("jing: %s", grammar.output()).isTrue();
        AtomChecks.Outcome rules = AtomChecks.schematron(written.toArray(Path[]::new));
        assertThat(rules.passed()).as("xmllint --schematron: %s", rules.output()).isTrue();
        assertThat(rules.output()).doesNotContain("fails");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at-derstandard-inland", "de-echte-demokratie-jetzt-blog", "de-handwerksblatt-coronaschutz",
            "en-gohugo-news", "en-hacker-news", "en-schneier-blog"})
    void everyLabelledItemOfARealPageIsPublishedNormalised(String name) throws Exception {
        JsonNode label = new ObjectMapper().readTree(resource(HTML_DIR + name + ".expected.json"));
        byte[] html = resource(HTML_DIR + name + ".html");
        URI original = URI.create(label.get("page_url").asText());
        serve(original, "text/html; charset=" + label.get("charset").asText(), html);
        ZoneId zone = zone(label);
        Path config = writeConfig(dir, source(name, local(original), zone, localeUnlessPageDeclaresOne(label, html))
                + htmlSelectors(label));

        Instant before = Instant.now();
        CommandRun run = once(config);
        Instant after = Instant.now();

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).containsPattern("ok\\s+" + name + "\\s+" + label.get("items").size() + " items");
        Path feed = published(dir);
        Map<String, List<JsonNode>> stories = storiesByLink(label.get("items"));
        Map<String, Element> entries = byLink(entries(feed), original);
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(stories.keySet());
        stories.forEach((link, items) -> {
            Element entry = entries.get(link);
            JsonNode first = items.get(0);
            String where = name + ": " + first.get("title").asText();
            assertTitleAndRegion(entry, first.get("title").asText(), text(first, "region"), where);
            assertPublished(entry, date(first, zone), before, after, where);
            for (JsonNode item : items) {
                assertSummary(entry, text(item, "summary"), where);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedLabels")
    void everyRealFeedIsPublishedWithItsCompleteEntriesOrReportedAsBroken(FeedLabel label) throws Exception {
        FeedRun run = feedRun();
        String id = label.sourceId();
        List<Element> entries = run.entriesOf(label);
        if (label.illFormed() && label.entryCount() == 0) {
            assertThat(run.out()).containsPattern("FAIL\\s+" + id + "\\s+not a readable RSS/Atom document: .+ \\(line \\d+\\)");
            assertThat(entries).isEmpty();
            return;
        }
        assertThat(run.out()).containsPattern("ok\\s+" + id + "\\s+" + label.entryCount() + " items");
        assertThat(entries).hasSize(STORIES.getOrDefault(label.file(), label.entryCount()));
        if (label.entryCount() == 0) {
            return;
        }
        String where = label.file();
        URI original = label.url();
        String link = webUrl(label.link()) ? canonical(label.link()) : "";
        Optional<Instant> date = label.dateIso().isEmpty() ? Optional.empty() : Optional.of(labelledInstant(label.dateIso()));
        Element first = firstEntry(entries, label, link, date, original);
        assertThat(original(alternate(first), original)).as(where + " link").isEqualTo(link);
        assertPublished(first, date, run.before(), run.after(), where);
        if (label.title().isEmpty()) {
            String derived = text(first, "title").replaceFirst("\u2026$", "");
            assertThat(summaryText(first)).as(where + " title derived from the summary, if any").startsWith(derived);
        } else {
            assertThat(text(first, "title")).as(where + " title").isEqualTo(label.title());
            assertThat(categories(first)).as(where + " region").isEmpty();
        }
    }

    /** One {@code once} over every feed of the corpus, each a source: what it printed and published. */
    record FeedRun(String out, int code, List<Element> entries, Instant before, Instant after) {
        List<Element> entriesOf(FeedLabel label) {
            return entries.stream().filter(e -> text(e, "id").startsWith(ENTRY_IDS + label.sourceId() + "/")).toList();
        }
    }

    /** The run over all feeds, made by the first test that needs it (sources are independent). */
    private static synchronized FeedRun feedRun() throws Exception {
        if (feedRun == null) {
            Path folder = Files.createDirectories(shared.resolve("feeds"));
            StringBuilder sources = new StringBuilder();
            for (FeedLabel label : feedLabels()) {
                serve(label.url(), "application/xml", resource(FEED_DIR + label.file()));
                sources.append(source(label.sourceId(), local(label.url()), ZoneOffset.UTC, ""));
            }
            Path config = writeConfig(folder, sources.toString());
            Instant before = Instant.now();
            CommandRun run = once(config);
            Instant after = Instant.now();
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.SOURCES_FAILED);
            feedRun = new FeedRun(run.out(), run.code(), entries(published(folder)), before, after);
        }
        return feedRun;
    }

    @Test
    void anHtmlSummaryFromAFeedIsPublishedSanitisedAsHtmlWithAbsoluteLinks() throws Exception {
        URI original = URI.create("https://blog.example.org/feed.xml");
        serve(original, "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>Blog</title><link>https://blog.example.org/</link>
                <item><title>Neues Portal</title><link>https://blog.example.org/2025/portal</link>
                <pubDate>Fri, 07 Feb 2025 10:00:00 +0100</pubDate>
                <description><![CDATA[<p onclick="steal()">Das <b>neue</b> <a href="/portal">Portal</a>
                <img src="img/portal.png" onerror="x()"> ist online.</p><script>alert(1)</script>
                <style>p{color:red}</style><iframe src="https://evil.example/"></iframe>
                <form action="/login"><input name="pw"></form>
                <a href="/2025/portal">Weiterlesen</a>]]></description></item>
                </channel></rss>""".getBytes(StandardCharsets.UTF_8));
        Path config = writeConfig(dir, source("blog", local(original), ZoneId.of("Europe/Berlin"), ""));

        CommandRun run = once(config);

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        Element entry = entries(published(dir)).get(0);
        Element summary = child(entry, "summary").orElseThrow();
        assertThat(summary.getAttribute("type")).isEqualTo("html");
        assertThat(summary.getTextContent()).isEqualTo("<p>Das <b>neue</b> <a href=\"https://blog.example.org/portal\">Portal</a>"
                + " <img src=\"https://blog.example.org/2025/img/portal.png\"> ist online.</p>");
    }

    @Test
    void mojibakeInAFeedNeverReachesThePublishedFeed() throws Exception {
        FeedRun run = feedRun();
        Map<String, String> expected = Map.of("feedparser__demoronize-1.xml", "don\u2019t",
                "feedparser__double-encoded-html.xml", "\u2026");
        for (FeedLabel label : feedLabels()) {
            if (expected.containsKey(label.file())) {
                assertThat(run.entriesOf(label)).singleElement()
                        .extracting(CorpusPipelineIT::summaryText).as(label.file())
                        .isEqualTo(expected.get(label.file()));
            }
        }
    }

    // ---- pages

    private static ZoneId zone(JsonNode label) {
        try {
            return ZoneId.of(text(label, "timezone_assumption"));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;   // "none", "unknown": the admin has to pick one; times are kept as shown
        }
    }

    /** The label's language only for pages that declare none: the others must be read in their declared one. */
    private static String localeUnlessPageDeclaresOne(JsonNode label, byte[] html) {
        String declared = Jsoup.parse(new String(html, StandardCharsets.UTF_8)).select("html").attr("lang");
        return declared.isBlank() ? text(label, "language") : "";
    }

    private static String htmlSelectors(JsonNode label) {
        JsonNode selectors = label.get("selectors");
        StringBuilder yaml = new StringBuilder("    html:\n");
        for (String key : List.of("item", "title", "link", "date", "time", "summary")) {
            if (!text(selectors, key).isEmpty()) {
                String attr = text(selectors, key + "_attr").replaceFirst("^abs:", "");
                String selector = text(selectors, key) + (attr.isEmpty() ? "" : "@" + attr);
                yaml.append("      ").append(key).append(": '").append(selector.replace("'", "''")).append("'\n");
            }
        }
        return yaml.toString();
    }

    private static Map<String, List<JsonNode>> storiesByLink(JsonNode items) {
        Map<String, Set<String>> fragmentsByPage = new HashMap<>();
        for (JsonNode item : items) {
            String link = canonical(item.get("link").asText());
            fragmentsByPage.computeIfAbsent(withoutFragment(link), k -> new HashSet<>()).add(link);
        }
        Map<String, List<JsonNode>> stories = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String link = canonical(item.get("link").asText());
            String page = withoutFragment(link);
            String published = fragmentsByPage.get(page).size() > 1 ? link : page;
            stories.computeIfAbsent(published, k -> new ArrayList<>()).add(item);
        }
        return stories;
    }

    private static String withoutFragment(String link) {
        int hash = link.indexOf('#');
        return hash < 0 ? link : link.substring(0, hash);
    }

    private static Optional<Instant> date(JsonNode item, ZoneId zone) {
        if (text(item, "date").isEmpty()) {
            return Optional.empty();
        }
        LocalTime time = text(item, "time").isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(text(item, "time"));
        return Optional.of(LocalDate.parse(text(item, "date")).atTime(time).atZone(zone).toInstant());
    }

    private static void assertTitleAndRegion(Element entry, String title, String region, String where) {
        if (region.isEmpty()) {
            assertThat(text(entry, "title")).as(where + " title").isEqualTo(title);
            assertThat(categories(entry)).as(where + " region").isEmpty();
            return;
        }
        assertThat(title).as("labelled region prefix").startsWith(region);
        String rest = title.substring(region.length()).replaceFirst("^\\s*[:\u2013-]\\s*", "");
        String canonical = CANONICAL_REGIONS.getOrDefault(region, region);
        assertThat(text(entry, "title")).as(where + " title").isEqualTo(canonical + ": " + rest);
        assertThat(categories(entry)).as(where + " region").containsExactly(canonical);
    }

    private static void assertSummary(Element entry, String labelled, String where) {
        String summary = summaryText(entry);
        if (labelled.isEmpty()) {
            assertThat(summary).as(where + " summary").isEmpty();
            return;
        }
        String expected = withoutReadMoreTail(labelled, summary);
        assertThat(summary).as(where + " summary").startsWith(expected);
    }

    /**
     * The labelled prefix without a trailing "Read More" that Rundschau removes: when the
     * published summary is shorter than the label, the label must continue it with such words only.
     */
    private static String withoutReadMoreTail(String labelled, String summary) {
        if (summary.length() >= labelled.length() || !labelled.startsWith(summary)) {
            return labelled;
        }
        String tail = labelled.substring(summary.length()).strip();
        assertThat(List.of("Read More", "Read more", "Weiterlesen", "mehr", "Mehr lesen"))
                .as("what Rundschau cut from '" + labelled + "': '" + tail + "'")
                .anyMatch(phrase -> phrase.startsWith(tail) || tail.startsWith(phrase));
        return summary;
    }

    // ---- feeds

    /** One row of extract/feeds/expected.tsv (the columns this test reads). */
    record FeedLabel(String file, int entryCount, String title, String link, String dateIso, String format) {
        @Override
        public String toString() {
            return file;
        }

        boolean illFormed() {
            return format.contains("truncated") || format.contains("ill-formed");
        }

        /** The file name as a source id: {@code feedrs__rss_0.91_encoding_1.xml} → {@code feedrs-rss-0-91-encoding-1-xml}. */
        String sourceId() {
            return file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }

        URI url() {
            return URI.create(FEED_URLS.getOrDefault(file, "https://feeds.example.org/" + file));
        }
    }

    static List<FeedLabel> feedLabels() {
        String tsv = new String(resource(FEED_DIR + "expected.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] f = Arrays.stream(line.split("\t", -1)).map(CorpusPipelineIT::unquote).toArray(String[]::new);
            return new FeedLabel(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[6]);
        }).toList();
    }

    /**
     * The labelled first entry: the only one, else the one with its link (its title when it has
     * none), and of several such the one with its date.
     */
    private static Element firstEntry(List<Element> entries, FeedLabel label, String link, Optional<Instant> date,
                                      URI original) {
        if (entries.size() == 1) {
            return entries.get(0);
        }
        List<Element> candidates = entries.stream()
                .filter(e -> link.isEmpty() ? text(e, "title").equals(label.title())
                        : original(alternate(e), original).equals(link))
                .toList();
        return candidates.stream()
                .filter(e -> candidates.size() == 1 || date.map(d -> d.equals(published(e))).orElse(true))
                .findFirst().orElseThrow(() -> new AssertionError(label.file() + ": no entry for " + label));
    }

    private static Instant labelledInstant(String iso) {
        return iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant()
                : OffsetDateTime.parse(iso).toInstant();
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    // ---- both

    private static void assertPublished(Element entry, Optional<Instant> date, Instant before, Instant after, String where) {
        Instant published = published(entry);
        if (date.isPresent()) {
            assertThat(published).as(where + " date").isEqualTo(date.get());
        } else {
            // undated: the time it was first seen, during this run, with second precision in Atom
            assertThat(published).as(where + " first seen").isBetween(before.minusSeconds(1), after.plusSeconds(1));
        }
    }

    /** The canonical form Rundschau publishes: lower-case scheme and host, no default port, no fragment. */
    private static String canonical(String link) {
        URI uri = URI.create(link);
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            return link;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equalsIgnoreCase(uri.getScheme())
                || port == 443 && "https".equalsIgnoreCase(uri.getScheme());
        String authority = uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static Instant published(Element entry) {
        return OffsetDateTime.parse(text(entry, "published")).toInstant();
    }

    private static boolean webUrl(String link) {
        return link.startsWith("http://") || link.startsWith("https://");
    }

    /**
     * The published link with WireMock's origin replaced by the origin the document came from:
     * links the document wrote relative to its own URL come out on WireMock's origin, which
     * serves it at its original path; absolute links stay as written.
     */
    private static String original(String published, URI original) {
        String origin = original.getScheme() + "://" + original.getRawAuthority();
        return published.startsWith(site.baseUrl() + "/") ? origin + published.substring(site.baseUrl().length()) : published;
    }

    private static String local(URI original) {
        return site.baseUrl() + original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
    }

    private static void serve(URI original, String contentType, byte[] body) {
        String path = original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    }

    private static Path writeConfig(Path folder, String sources) throws IOException {
        return Files.writeString(folder.resolve("rundschau.yaml"), """
                feed:
                  title: "Corpus"
                  id: "%s"
                  entries: 1000
                output: %s/public
                database: %s/data/test.db
                fetch: {host-gap: 0}
                dedup: {first-fetch-limit: 1000}   # every labelled item, not only each source's newest 10
                locale: de
                sources:
                """.formatted(FEED_ID, folder, folder) + sources);
    }

    /** A source's YAML: its own locale only when given, so the page's declared language can decide. */
    private static String source(String id, String url, ZoneId zone, String locale) {
        return """
                  - id: %s
                    url: %s
                    timezone: %s
                """.formatted(id, url, zone.getId()) + (locale.isEmpty() ? "" : "    locale: " + locale + "\n");
    }

    private static CommandRun once(Path config) {
        return CommandRun.of("once", "--config", config.toString());
    }

    /** The feed {@code once} wrote into the folder; a copy is validated with the others at the end. */
    private static Path published(Path folder) throws IOException {
        Path feed = folder.resolve("public/feed.atom");
        synchronized (written) {
            written.add(Files.copy(feed, shared.resolve("written-" + written.size() + ".atom")));
        }
        return feed;
    }

    private static Map<String, Element> byLink(List<Element> entries, URI original) {
        Map<String, Element> byLink = new LinkedHashMap<>();
        for (Element entry : entries) {
            Element previous = byLink.put(original(alternate(entry), original), entry);
            assertThat(previous).as("two entries link to " + alternate(entry)).isNull();
        }
        return byLink;
    }

    private static List<Element> entries(Path feed) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList list = factory.newDocumentBuilder().parse(feed.toFile()).getElementsByTagNameNS(ATOM, "entry");
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) result.add((Element) list.item(i));
        return result;
    }

    private static Optional<Element> child(Element entry, String name) {
        NodeList list = entry.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == entry) return Optional.of((Element) list.item(i));
        }
        return Optional.empty();
    }

    private static String text(Element entry, String name) {
        return child(entry, name).map(e -> e.getTextContent().strip()).orElse("");
    }

    /** The summary (or content) as a reader sees it: HTML rendered to text. */
    private static String summaryText(Element entry) {
        Optional<Element> summary = child(entry, "summary").or(() -> child(entry, "content"));
        if (summary.isEmpty()) return "";
        String value = summary.get().getTextContent();
        return "html".equals(summary.get().getAttribute("type")) ? Jsoup.parse(value).text() : value.strip();
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

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText().strip() : "";
    }

    private static byte[] resource(String name) {
        try (InputStream in = CorpusPipelineIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
