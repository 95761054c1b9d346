package org.rundschau.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.refresh.PublishedFolder.ENTRIES;
import static org.rundschau.refresh.PublishedFolder.PAGE_SIZE;
import static org.rundschau.refresh.PublishedFolder.text;
import static org.rundschau.refresh.RealisticStore.T0;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.model.Entry;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.testing.AtomChecks;
import org.rundschau.testing.FeedFormats;
import org.w3c.dom.Element;

/**
 * One publication from a real SQLite store holding the {@link RealisticStore}: every document, the
 * archive, fairness, dates. {@link RepublishingTest} publishes again after changes.
 */
class RepublisherTest {
    @TempDir
    static Path dir;
    static Database db;
    static ItemStore store;
    static int stored;
    static PublishedFolder folder;
    static Republisher.Published published;

    @BeforeAll
    static void publishTheStore() throws Exception {
        db = Database.open(dir.resolve("data/r.db"));
        store = new ItemStore(db, "tag:rundschau.example.org,2026:");
        stored = RealisticStore.fill(store);
        folder = new PublishedFolder(dir, store, new org.rundschau.store.SourceStatusStore(db));
        published = folder.publish(PublishedFolder.feed(""));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyDocumentIsValidAtomRssOrJsonFeed() throws Exception {
        List<Path> atom = folder.files().stream().filter(f -> f.endsWith(".atom")).map(folder.out()::resolve).toList();

        assertThat(atom).hasSizeGreaterThan(10);
        AtomChecks.assertAllValid(atom);
        FeedFormats.assertValidRss(folder.out().resolve("feed.rss"));
        FeedFormats.assertValidJsonFeed(folder.out().resolve("feed.json"));
    }

    @Test
    void writesTheCombinedFeedsAFeedPerRegionAndSourceAndFullArchivePages() throws Exception {
        assertThat(published.changed()).isTrue();
        assertThat(published.combinedFeed()).isEqualTo(folder.out().resolve("feed.atom"));
        assertThat(folder.files()).contains("feed.atom", "feed.rss", "feed.json", "archive/1.atom", "archive/4.atom",
                "region/baden-wuerttemberg.atom", "region/koeln.atom", "region/landkreis-goerlitz.atom",
                "region/kreis-recklinghausen.atom", "region/thueringen.atom", "region/bayern.atom",
                "source/kommune21.atom", "source/ticker.atom", "source/koeln-presse.atom", "source/egov-blog.atom",
                "source/behoerden-spiegel.atom").doesNotContain("archive/5.atom");
        assertThat(folder.files()).filteredOn(f -> f.startsWith("region/"))
                .allSatisfy(f -> assertThat(f).matches("region/[a-z0-9]+(-[a-z0-9]+)*\\.(atom|html)"));
        assertThat(folder.files()).as("every region feed has its page, under the same name")
                .filteredOn(f -> f.startsWith("region/") && f.endsWith(".atom"))
                .allSatisfy(f -> assertThat(folder.files()).contains(f.replace(".atom", ".html")));
        assertThat(stored / PAGE_SIZE).isEqualTo(4);
    }

    @Test
    void everyRegionAndSourceFeedsAlternateLinkFindsAPageWithTheFeedsEntries() throws Exception {
        List<String> feeds = folder.regionAndSourceFeeds();

        assertThat(feeds).contains("source/kommune21.atom", "source/ticker.atom", "source/koeln-presse.atom",
                "source/egov-blog.atom", "source/behoerden-spiegel.atom");
        for (String feed : feeds) {
            String page = folder.link(feed, "alternate");
            assertThat(page).as(feed).isEqualTo(feed.replace(".atom", ".html"));
            assertThat(folder.out().resolve(page)).as(feed + " alternate").isRegularFile();
        }
        org.jsoup.nodes.Document ticker = org.jsoup.Jsoup.parse(folder.out().resolve("source/ticker.html").toFile(),
                "UTF-8", PublishedFolder.BASE + "source/ticker.html");
        assertThat(ticker.select("main article h3").eachText()).hasSize(ENTRIES).containsExactlyElementsOf(
                folder.entries("source/ticker.atom").stream().map(RepublisherTest::titleWithoutRegion).toList());
        assertThat(ticker.select("head link[rel=alternate]").first().attr("abs:href"))
                .isEqualTo(PublishedFolder.BASE + "source/ticker.atom");
        assertThat(ticker.select("main .region").eachAttr("abs:href"))
                .allSatisfy(href -> assertThat(folder.out().resolve(href.substring(PublishedFolder.BASE.length())))
                        .isRegularFile());
    }

    /** An entry's title as the pages show it: without the "Region: " the feeds put before it. */
    private static String titleWithoutRegion(Element entry) {
        Element category = (Element) entry.getElementsByTagNameNS(PublishedFolder.ATOM, "category").item(0);
        String title = text(entry, "title");
        return category == null ? title : title.substring(category.getAttribute("term").length() + 2);
    }

    @Test
    void twoSpellingsOfOneRegionGetTwoFiles() throws Exception {
        assertThat(folder.files()).filteredOn(f -> f.startsWith("region/koeln") && f.endsWith(".atom")).hasSize(2);
        assertThat(folder.files()).filteredOn(f -> f.startsWith("region/koeln") && f.endsWith(".html")).hasSize(2);
        assertThat(folder.entryTitles("region/koeln.atom"))
                .containsExactly("Köln: Bürgeramt & Kfz-Zulassung <online> (aktualisiert)");
    }

    @Test
    void aBusySourceDoesNotPushTheOthersOutOfTheCombinedFeed() throws Exception {
        Map<String, Integer> perSource = new HashMap<>();
        for (Element entry : folder.entries("feed.atom")) perSource.merge(sourceOf(entry), 1, Integer::sum);

        assertThat(perSource).containsOnlyKeys("kommune21", "koeln-presse", "egov-blog", "behoerden-spiegel", "ticker");
        // The ticker alone has the 30 newest entries: without the share it would fill the feed.
        assertThat(store.newest(ENTRIES)).allSatisfy(e -> assertThat(e.sourceId()).isEqualTo("ticker"));
    }

    @Test
    void theCurrentFeedAndItsArchivePagesHoldEveryStoredEntry() throws Exception {
        Set<String> seen = new HashSet<>();
        String path = "feed.atom";
        int documents = 0;
        while (path != null) {
            folder.entries(path).forEach(e -> seen.add(text(e, "id")));
            path = folder.link(path, "prev-archive");
            documents++;
        }

        assertThat(documents).isEqualTo(1 + 4);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                store.inSequence(0, Long.MAX_VALUE).stream().map(Entry::entryId).toList());
        assertThat(folder.link("archive/2.atom", "current")).isEqualTo("feed.atom");
    }

    @Test
    void anOldItemFoundLateIsInTheCurrentFeedUntilItsPageIsArchived() throws Exception {
        assertThat(folder.entryTitles("feed.atom")).contains("Landkreis Görlitz: Archivfund: Breitbandausbau 2019");
    }

    @Test
    void feedsAreUpdatedAtTheirNewestEntryNeverAtTheTimeOfWriting() throws Exception {
        assertThat(folder.updated("feed.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(folder.updated("region/koeln.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(folder.updated("source/behoerden-spiegel.atom")).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
        // Page 1 holds the Köln entry edited at 09:05 before the page was first written.
        assertThat(folder.updated("archive/1.atom")).isEqualTo(Instant.parse("2025-02-07T09:05:00Z"));
        assertThat(folder.updated("archive/4.atom")).isBefore(T0);
    }

    @Test
    void undatedItemsCarryTheTimeTheyWereFirstSeenInEveryFormat() throws Exception {
        String seen = "2025-02-06T21:00:00Z";

        Element atom = folder.entries("feed.atom").stream()
                .filter(e -> text(e, "title").startsWith("Landkreis Görlitz: Ohne Datum")).findFirst().orElseThrow();
        assertThat(text(atom, "published")).isEqualTo(seen);
        JsonNode json = FeedFormats.assertValidJsonFeed(folder.out().resolve("feed.json"));
        List<String> dates = new ArrayList<>();
        json.get("items").forEach(i -> {
            if (i.get("title").asText().startsWith("Landkreis Görlitz: Ohne Datum")) {
                dates.add(i.get("date_published").asText());
            }
        });
        assertThat(dates).containsExactly(seen);
        assertThat(Files.readString(folder.out().resolve("feed.rss")))
                .contains("<pubDate>Thu, 06 Feb 2025 21:00:00 +0000</pubDate>");
    }

    private static String sourceOf(Element entry) {
        String id = text(entry, "id");
        return id.substring("tag:rundschau.example.org,2026:".length(), id.lastIndexOf('/'));
    }
}
