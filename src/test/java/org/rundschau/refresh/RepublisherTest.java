package org.rundschau.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.refresh.RealisticStore.FEED_ID;
import static org.rundschau.refresh.RealisticStore.T0;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.Generator;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.JsonFeedPublisher;
import org.rundschau.publish.RssPublisher;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;
import org.rundschau.testing.AtomChecks;
import org.rundschau.testing.FeedFormats;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The publication from a real SQLite store: every document, the archive, fairness, WebSub. */
@WireMockTest
class RepublisherTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String BASE = "https://news.example.org/";
    private static final int PAGE_SIZE = 20;
    private static final int ENTRIES = 30;
    private static final int PER_SOURCE = 5;

    @TempDir
    Path dir;
    Database db;
    ItemStore store;
    int stored;

    @BeforeEach
    void fillTheStore() throws StoreException {
        db = Database.open(dir.resolve("data/r.db"));
        store = new ItemStore(db, "tag:rundschau.example.org,2026:");
        stored = RealisticStore.fill(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyDocumentIsValidAtomRssOrJsonFeed() throws Exception {
        publish(feed(""));

        List<Path> atom = files().stream().filter(f -> f.endsWith(".atom")).map(out()::resolve).toList();
        assertThat(atom).hasSizeGreaterThan(10);
        AtomChecks.assertAllValid(atom);
        FeedFormats.assertValidRss(out().resolve("feed.rss"));
        FeedFormats.assertValidJsonFeed(out().resolve("feed.json"));
    }

    @Test
    void writesTheCombinedFeedsAFeedPerRegionAndSourceAndFullArchivePages() throws Exception {
        Republisher.Published published = publish(feed(""));

        assertThat(published.changed()).isTrue();
        assertThat(published.combinedFeed()).isEqualTo(out().resolve("feed.atom"));
        assertThat(files()).contains("feed.atom", "feed.rss", "feed.json", "archive/1.atom", "archive/4.atom",
                "region/baden-wuerttemberg.atom", "region/koeln.atom", "region/landkreis-goerlitz.atom",
                "region/kreis-recklinghausen.atom", "region/thueringen.atom", "region/bayern.atom",
                "source/kommune21.atom", "source/ticker.atom", "source/koeln-presse.atom", "source/egov-blog.atom",
                "source/behoerden-spiegel.atom").doesNotContain("archive/5.atom");
        assertThat(files()).filteredOn(f -> f.startsWith("region/"))
                .allSatisfy(f -> assertThat(f).matches("region/[a-z0-9]+(-[a-z0-9]+)*\\.atom"));
        assertThat(stored / PAGE_SIZE).isEqualTo(4);
    }

    @Test
    void twoSpellingsOfOneRegionGetTwoFiles() throws Exception {
        publish(feed(""));

        assertThat(files()).filteredOn(f -> f.startsWith("region/koeln")).hasSize(2);
        assertThat(entryTitles("region/koeln.atom")).containsExactly("Köln: Bürgeramt & Kfz-Zulassung <online> (aktualisiert)");
    }

    @Test
    void aBusySourceDoesNotPushTheOthersOutOfTheCombinedFeed() throws Exception {
        publish(feed(""));

        Map<String, Integer> perSource = new HashMap<>();
        for (Entry entry : store.newest(1_000)) perSource.putIfAbsent(entry.sourceId(), 0);
        for (Element entry : entries("feed.atom")) perSource.merge(sourceOf(entry), 1, Integer::sum);
        assertThat(perSource).containsKeys("kommune21", "koeln-presse", "egov-blog", "behoerden-spiegel", "ticker");
        assertThat(perSource.values()).allSatisfy(n -> assertThat(n).isPositive());
        // The ticker alone has the 30 newest entries; without the share it would fill the feed.
        assertThat(store.newest(ENTRIES)).allSatisfy(e -> assertThat(e.sourceId()).isEqualTo("ticker"));
    }

    @Test
    void theCurrentFeedAndItsArchivePagesHoldEveryStoredEntry() throws Exception {
        publish(feed(""));

        Set<String> seen = new HashSet<>();
        String path = "feed.atom";
        int documents = 0;
        while (path != null) {
            entries(path).forEach(e -> seen.add(text(e, "id")));
            path = link(path, "prev-archive");
            documents++;
        }
        assertThat(documents).isEqualTo(1 + 4);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                store.inSequence(0, Long.MAX_VALUE).stream().map(Entry::entryId).toList());
        assertThat(link("archive/2.atom", "current")).isEqualTo("feed.atom");
    }

    @Test
    void anOldItemFoundLateIsInTheCurrentFeedUntilItsPageIsArchived() throws Exception {
        publish(feed(""));

        assertThat(entryTitles("feed.atom")).contains("Landkreis Görlitz: Archivfund: Breitbandausbau 2019");
    }

    @Test
    void fullArchivePagesNeverChangeAndNewOnesAppear() throws Exception {
        publish(feed(""));
        Map<String, byte[]> pages = new HashMap<>();
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String page : List.of("archive/1.atom", "archive/2.atom", "archive/3.atom", "archive/4.atom")) {
            pages.put(page, Files.readAllBytes(out().resolve(page)));
            Files.setLastModifiedTime(out().resolve(page), past);
        }
        store.save("kommune21", List.of(new Item("kommune21", "row3", "", Instant.parse("2025-02-06T23:00:00Z"), true,
                "Sachsen", "Neue CIO für den Freistaat (korrigiert)", "Korrektur.", false,
                "https://www.kommune21.de/k21-meldungen/sachsen-neue-cio-fuer-den-freistaat/")), T0.plusSeconds(600));
        store.save("ticker", RealisticStore.ticker(70, 100), T0.plusSeconds(900));

        publish(feed(""));

        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
            assertThat(Files.readAllBytes(out().resolve(page.getKey()))).as(page.getKey()).isEqualTo(page.getValue());
            assertThat(Files.getLastModifiedTime(out().resolve(page.getKey()))).isEqualTo(past);
        }
        assertThat(files()).contains("archive/5.atom", "archive/6.atom").doesNotContain("archive/7.atom");
        assertThat(link("feed.atom", "prev-archive")).isEqualTo("archive/6.atom");
        assertThat(link("archive/5.atom", "prev-archive")).isEqualTo("archive/4.atom");
    }

    @Test
    void feedsAreUpdatedAtTheirNewestEntryNeverAtTheTimeOfWriting() throws Exception {
        publish(feed(""));

        assertThat(updated("feed.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(updated("region/koeln.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(updated("source/behoerden-spiegel.atom")).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
        // Page 1 holds the Köln entry edited at 09:05 before the page was first written.
        assertThat(updated("archive/1.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(updated("archive/4.atom")).isBefore(T0);
    }

    @Test
    void undatedItemsCarryTheTimeTheyWereFirstSeenInEveryFormat() throws Exception {
        publish(feed(""));
        String seen = "2025-02-06T21:00:00Z";

        Element atom = entries("feed.atom").stream()
                .filter(e -> text(e, "title").startsWith("Landkreis Görlitz: Ohne Datum")).findFirst().orElseThrow();
        assertThat(text(atom, "published")).isEqualTo(seen);
        JsonNode json = FeedFormats.assertValidJsonFeed(out().resolve("feed.json"));
        List<String> dates = new ArrayList<>();
        json.get("items").forEach(i -> {
            if (i.get("title").asText().startsWith("Landkreis Görlitz: Ohne Datum")) dates.add(i.get("date_published").asText());
        });
        assertThat(dates).containsExactly(seen);
        assertThat(Files.readString(out().resolve("feed.rss"))).contains("<pubDate>Thu, 06 Feb 2025 21:00:00 +0000</pubDate>");
    }

    @Test
    void publishingAgainWithoutNewItemsWritesNothing() throws Exception {
        publish(feed(""));
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Map<String, byte[]> before = new HashMap<>();
        for (String file : files()) {
            before.put(file, Files.readAllBytes(out().resolve(file)));
            Files.setLastModifiedTime(out().resolve(file), past);
        }

        Republisher.Published again = publish(feed(""));

        assertThat(again.changed()).isFalse();
        assertThat(files()).containsExactlyInAnyOrderElementsOf(before.keySet());
        for (String file : files()) {
            assertThat(Files.readAllBytes(out().resolve(file))).as(file).isEqualTo(before.get(file));
            assertThat(Files.getLastModifiedTime(out().resolve(file))).as(file).isEqualTo(past);
        }
    }

    @Test
    void theHubIsToldOnlyWhenTheCombinedFeedsChange(WireMockRuntimeInfo hub) throws Exception {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(204)));
        FeedConfig feed = feed(hub.getHttpBaseUrl() + "/hub");

        publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(3);
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub"))
                .withRequestBody(containing("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.atom")));
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub"))
                .withRequestBody(containing("hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.json")));
        assertThat(link("feed.atom", "hub")).isEqualTo(hub.getHttpBaseUrl() + "/hub");

        publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(3);

        store.save("ticker", RealisticStore.ticker(70, 71), T0.plusSeconds(60));
        publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(6);
    }

    @Test
    void aFailingHubDoesNotFailThePublication(WireMockRuntimeInfo hub) throws Exception {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(503)));

        Republisher.Published published = publish(feed(hub.getHttpBaseUrl() + "/hub"));

        assertThat(published.changed()).isTrue();
        assertThat(entries("feed.atom")).isNotEmpty();
    }

    private FeedConfig feed(String hub) {
        return new FeedConfig("Kommunale Digitalnachrichten", FEED_ID, BASE + "feed.atom", ENTRIES, "", PER_SOURCE, hub);
    }

    private Republisher.Published publish(FeedConfig feed) throws StoreException, IOException {
        Generator generator = new Generator("Rundschau", "", "test");
        Republisher republisher = new Republisher(store, new FeedPublisher(new AtomPublisher("de", generator),
                new RssPublisher("de", generator), new JsonFeedPublisher("de")), new FeedArchive(PAGE_SIZE),
                new HubNotifier(HttpClient.newHttpClient(), Duration.ofSeconds(5), "Rundschau/test"));
        AppConfig config = RealisticStore.config(dir, feed);
        return republisher.publish(config);
    }

    private Path out() {
        return dir.resolve("public");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(out())) {
            return files.filter(Files::isRegularFile).map(f -> out().relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    private List<Element> entries(String path) throws Exception {
        NodeList list = document(path).getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) entries.add((Element) list.item(i));
        return entries;
    }

    private List<String> entryTitles(String path) throws Exception {
        return entries(path).stream().map(e -> text(e, "title")).toList();
    }

    private Instant updated(String path) throws Exception {
        Element feed = document(path).getDocumentElement();
        for (var n = feed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("updated")) return Instant.parse(e.getTextContent());
        }
        throw new AssertionError("no feed-level updated in " + path);
    }

    /** The output path the feed-level link {@code rel} of {@code path} points to; null when there is none. */
    private String link(String path, String rel) throws Exception {
        Element feed = document(path).getDocumentElement();
        for (var n = feed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("link") && e.getAttribute("rel").equals(rel)) {
                String href = e.getAttribute("href");
                return href.startsWith(BASE) ? href.substring(BASE.length()) : href;
            }
        }
        return null;
    }

    private Document document(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(out().resolve(path).toFile());
    }

    private static String sourceOf(Element entry) {
        String id = text(entry, "id");
        return id.substring("tag:rundschau.example.org,2026:".length(), id.lastIndexOf('/'));
    }

    private static String text(Element entry, String name) {
        NodeList list = entry.getElementsByTagNameNS(ATOM, name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent();
    }
}
