package org.rundschau.refresh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.refresh.RealisticStore.T0;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.AppConfig;
import org.rundschau.config.DedupConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.RetentionConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Item;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;

/** Publishing again and again: what must stay the same, what must change, and the WebSub hub. */
@WireMockTest
class RepublishingTest {
    private static final FileTime PAST = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;
    Database db;
    ItemStore store;
    PublishedFolder folder;

    @BeforeEach
    void fillTheStore() throws StoreException {
        db = Database.open(dir.resolve("data/r.db"));
        store = new ItemStore(db, "tag:rundschau.example.org,2026:");
        RealisticStore.fill(store);
        folder = new PublishedFolder(dir, store, new org.rundschau.store.SourceStatusStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void publishingAgainWithoutNewItemsWritesNothing() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Map<String, byte[]> before = new HashMap<>();
        for (String file : folder.files()) {
            before.put(file, Files.readAllBytes(folder.out().resolve(file)));
            Files.setLastModifiedTime(folder.out().resolve(file), PAST);
        }

        Republisher.Published again = folder.publishAfresh(PublishedFolder.feed(""));

        assertThat(again.rendered()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(folder.files()).containsExactlyInAnyOrderElementsOf(before.keySet());
        for (String file : folder.files()) {
            assertThat(Files.readAllBytes(folder.out().resolve(file))).as(file).isEqualTo(before.get(file));
            assertThat(Files.getLastModifiedTime(folder.out().resolve(file))).as(file).isEqualTo(PAST);
        }
    }

    @Test
    void whileNoItemIsWrittenTheFeedsAreLeftAsTheyAreAndOnlyThePagesWritten() throws Exception {
        Republisher.Published first = folder.publish(PublishedFolder.feed(""));
        store.save("ticker", RealisticStore.ticker(0, 70), T0.plusSeconds(60));   // the same items seen again
        Files.delete(folder.out().resolve("index.html"));

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(first.rendered()).isTrue();
        assertThat(again.rendered()).isFalse();
        assertThat(again.changed()).isFalse();
        assertThat(again.entries()).isEqualTo(first.entries());
        assertThat(folder.out().resolve("index.html")).as("the index shows health: written every time").exists();
    }

    @Test
    void anItemWrittenByAnotherProcessIsPublishedNextTime() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Database other = Database.open(dir.resolve("data/r.db"));
        try {
            new ItemStore(other, "tag:rundschau.example.org,2026:")
                    .save("ticker", RealisticStore.ticker(70, 71), T0.plusSeconds(60));
        } finally {
            other.close();
        }

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(again.rendered()).isTrue();
        assertThat(again.changed()).isTrue();
        assertThat(folder.entryTitles("feed.atom")).contains("Tickermeldung 70: Schnittstelle & <API>");
        assertThat(folder.entryTitles("source/ticker.atom")).contains("Tickermeldung 70: Schnittstelle & <API>");
    }

    @Test
    void anEditedItemIsPublishedNextTimeThoughNothingIsNew() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Item listed = RealisticStore.ticker(0, 70).get(69);
        store.save("ticker", List.of(new Item(listed.sourceId(), listed.key(), listed.guid(), listed.published(),
                listed.dated(), listed.region(), "Tickermeldung 69: korrigiert", listed.summary(), listed.summaryIsHtml(),
                listed.link())), T0.plusSeconds(60));

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(again.rendered()).isTrue();
        assertThat(folder.entryTitles("feed.atom")).contains("Bayern: Tickermeldung 69: korrigiert");
    }

    @Test
    void anEditRendersOnlyTheFeedsThatShowTheItemAndLeavesWhatAFullRenderingWould() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Item listed = RealisticStore.ticker(0, 70).get(69);   // in Bayern
        store.save("ticker", List.of(new Item(listed.sourceId(), listed.key(), listed.guid(), listed.published(),
                listed.dated(), listed.region(), "Tickermeldung 69: korrigiert", listed.summary(), listed.summaryIsHtml(),
                listed.link())), T0.plusSeconds(60));

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(again.feedsRendered()).contains("feed.atom", "feed.rss", "feed.json", "source/ticker.atom",
                "region/bayern.atom");
        assertThat(again.feedsRendered()).doesNotContain("source/kommune21.atom", "source/egov-blog.atom",
                "source/koeln-presse.atom", "source/behoerden-spiegel.atom");
        assertThat(folder.entryTitles("source/ticker.atom")).contains("Bayern: Tickermeldung 69: korrigiert");
        folder.assertSameAsAFullRendering();
    }

    @Test
    void anEditRewritesTheSourcePageOfTheItemAndNoOtherSourcePage() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        for (String file : folder.files()) Files.setLastModifiedTime(folder.out().resolve(file), PAST);
        Item listed = RealisticStore.ticker(0, 70).get(69);
        store.save("ticker", List.of(new Item(listed.sourceId(), listed.key(), listed.guid(), listed.published(),
                listed.dated(), listed.region(), "Tickermeldung 69: korrigiert", listed.summary(), listed.summaryIsHtml(),
                listed.link())), T0.plusSeconds(60));

        folder.publish(PublishedFolder.feed(""));

        assertThat(Files.readString(folder.out().resolve("source/ticker.html"))).contains("Tickermeldung 69: korrigiert");
        assertThat(Files.getLastModifiedTime(folder.out().resolve("source/ticker.html"))).isNotEqualTo(PAST);
        for (String other : List.of("kommune21", "egov-blog", "koeln-presse", "behoerden-spiegel")) {
            assertThat(Files.getLastModifiedTime(folder.out().resolve("source/" + other + ".html"))).as(other)
                    .isEqualTo(PAST);
        }
        folder.assertSameAsAFullRendering();
    }

    @Test
    void aSourcePageRemovedIsWrittenAgainThoughNoItemWasWritten() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        byte[] page = Files.readAllBytes(folder.out().resolve("source/egov-blog.html"));
        Files.delete(folder.out().resolve("source/egov-blog.html"));

        folder.publish(PublishedFolder.feed(""));

        assertThat(Files.readAllBytes(folder.out().resolve("source/egov-blog.html"))).isEqualTo(page);
    }

    @Test
    void feedsWithoutEntriesAreUpdatedWhenTheStoreWasCreatedNotIn1970AndStayAsTheyAre() throws Exception {
        Database empty = Database.open(dir.resolve("empty/r.db"));
        try {
            ItemStore nothing = new ItemStore(empty, "tag:rundschau.example.org,2026:");   // every source failed
            PublishedFolder first = new PublishedFolder(dir.resolve("empty"), nothing,
                    new org.rundschau.store.SourceStatusStore(empty));
            Instant created = nothing.created();
            first.publish(PublishedFolder.feed(""));
            Map<String, byte[]> before = new HashMap<>();
            for (String file : first.files()) before.put(file, Files.readAllBytes(first.out().resolve(file)));

            first.publishAfresh(PublishedFolder.feed(""));

            assertThat(created).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(first.regionAndSourceFeedsOrNone()).contains("source/ticker.atom", "source/kommune21.atom");
            for (String feed : first.files()) {
                if (!feed.endsWith(".atom")) continue;
                assertThat(first.entries(feed)).as(feed).isEmpty();
                assertThat(first.updated(feed)).as(feed).isEqualTo(created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            for (String file : first.files()) {
                assertThat(Files.readAllBytes(first.out().resolve(file))).as(file).isEqualTo(before.get(file));
            }
            org.rundschau.testing.AtomChecks.assertAllValid(first.files().stream().filter(f -> f.endsWith(".atom"))
                    .map(first.out()::resolve).toList());
        } finally {
            empty.close();
        }
    }

    @Test
    void aDuplicateFromAnotherSourceRendersTheFeedOfTheEntryItJoined() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Item listed = RealisticStore.ticker(0, 70).get(69);
        store.save("koeln-presse", List.of(new Item("koeln-presse", "same-story", "", listed.published(), true, "",
                listed.title(), listed.summary(), false, "https://www.stadt-koeln.de/presse/ticker-69")), T0.plusSeconds(60));

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        // the ticker's entry now names the other source as carrying the story too (Entry.alsoAt)
        assertThat(again.feedsRendered()).contains("source/ticker.atom");
        assertThat(Files.readString(folder.out().resolve("source/ticker.atom"))).contains("https://www.stadt-koeln.de/presse/ticker-69");
        folder.assertSameAsAFullRendering();
    }


    @Test
    void aPrunedItemLeavesTheFeedsNextTime() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        assertThat(folder.entryTitles("source/egov-blog.atom")).contains("Landkreis Görlitz: Archivfund: Breitbandausbau 2019");
        ItemStore pruning = new ItemStore(db, "tag:rundschau.example.org,2026:", DedupConfig.DEFAULTS,
                new RetentionConfig(Duration.ofDays(365), 0));
        assertThat(pruning.prune(T0)).isEqualTo(1);

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(again.rendered()).isTrue();
        assertThat(folder.entryTitles("source/egov-blog.atom")).doesNotContain("Landkreis Görlitz: Archivfund: Breitbandausbau 2019");
    }

    @Test
    void aLoneArchivePageRemovedIsWrittenAgain() throws Exception {
        folder.publishAfresh(PublishedFolder.feed(""));   // an earlier process wrote the archive
        folder.publish(PublishedFolder.feed(""));         // this one only found it
        byte[] page = Files.readAllBytes(folder.out().resolve("archive/2.atom"));
        Files.delete(folder.out().resolve("archive/2.atom"));

        Republisher.Published again = folder.publish(PublishedFolder.feed(""));

        assertThat(again.rendered()).isTrue();
        assertThat(Files.readAllBytes(folder.out().resolve("archive/2.atom"))).isEqualTo(page);
    }

    @Test
    void aFeedFileRemovedOrOverwrittenByAnyoneElseIsWrittenAgain() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Map<String, byte[]> before = new HashMap<>();
        for (String file : List.of("region/bayern.atom", "source/ticker.atom", "archive/1.atom")) {
            before.put(file, Files.readAllBytes(folder.out().resolve(file)));
        }
        Files.writeString(folder.out().resolve("source/ticker.atom"), "<feed/>");
        Republisher.Published overwritten = folder.publish(PublishedFolder.feed(""));
        Files.delete(folder.out().resolve("region/bayern.atom"));
        Files.delete(folder.out().resolve("archive/1.atom"));
        Republisher.Published removed = folder.publish(PublishedFolder.feed(""));

        assertThat(overwritten.rendered()).isTrue();
        assertThat(removed.rendered()).isTrue();
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            assertThat(Files.readAllBytes(folder.out().resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void changedFeedSettingsAreRenderedAtOnce() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        FeedConfig retitled = new FeedConfig("Digitale Verwaltung heute", RealisticStore.FEED_ID,
                PublishedFolder.BASE + "feed.atom", PublishedFolder.ENTRIES, "", PublishedFolder.PER_SOURCE, "");

        Republisher.Published again = folder.publish(retitled);

        assertThat(again.rendered()).isTrue();
        assertThat(again.changed()).isTrue();
        assertThat(Files.readString(folder.out().resolve("feed.atom"))).contains("Digitale Verwaltung heute");
        // every region and source feed carries the title too: none may be kept as it was
        assertThat(again.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        assertThat(Files.readString(folder.out().resolve("source/ticker.atom"))).contains("Digitale Verwaltung heute");
        assertThat(Files.readString(folder.out().resolve("region/bayern.atom"))).contains("Digitale Verwaltung heute");
    }

    @Test
    void everyDocumentIsInTheConfigsLanguageAndFollowsItWhenItChanges() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        assertThat(Files.readString(folder.out().resolve("feed.atom"))).contains("xml:lang=\"de\"");
        AppConfig config = RealisticStore.config(dir, PublishedFolder.feed(""));

        Republisher.Published english = folder.publish(new AppConfig(config.file(), config.feed(), config.output(),
                config.database(), config.timezone(), Locale.forLanguageTag("en-GB"), config.schedule(), config.fetch(),
                config.regions(), config.sources(), config.dedup(), config.retention()));

        assertThat(english.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        // Full archive pages are written once and never change (RFC 5005): they keep their language.
        // The store's sources set their own locale (German): their feeds are in it, and their
        // entries say so in the other feeds.
        for (String atom : folder.files().stream().filter(f -> f.endsWith(".atom") && !f.startsWith("archive/")).toList()) {
            String feed = Files.readString(folder.out().resolve(atom));
            if (atom.startsWith("source/")) {
                assertThat(feed).as(atom).contains("Atom\" xml:lang=\"de\">").doesNotContain("<entry xml:lang");
            } else {
                assertThat(feed).as(atom).contains("Atom\" xml:lang=\"en-GB\">").contains("<entry xml:lang=\"de\">");
            }
        }
        assertThat(Files.readString(folder.out().resolve("feed.rss"))).contains("<language>en-GB</language>");
        assertThat(Files.readString(folder.out().resolve("feed.json"))).contains("\"language\": \"en-GB\"");
        assertThat(Files.readString(folder.out().resolve("index.html"))).contains("<html lang=\"en-GB\"");
    }

    @Test
    void aSourceInALanguageOfItsOwnHasItsFeedInItAndItsEntriesMarkedWithIt() throws Exception {
        AppConfig config = RealisticStore.config(dir, PublishedFolder.feed(""));
        List<SourceConfig> english = config.sources().stream().map(s -> !s.id().equals("ticker") ? s
                : new SourceConfig(s.id(), s.name(), s.url(), s.kind(), s.region(), s.timezone(), Locale.ENGLISH,
                        s.schedule(), s.selectors(), true, s.dateFormat(), s.summaryLength())).toList();

        folder.publish(new AppConfig(config.file(), config.feed(), config.output(), config.database(), config.timezone(),
                config.locale(), config.schedule(), config.fetch(), config.regions(), english, config.dedup(),
                config.retention()));

        assertThat(Files.readString(folder.out().resolve("source/ticker.atom"))).contains("xml:lang=\"en\"")
                .doesNotContain("<entry xml:lang");
        String combined = Files.readString(folder.out().resolve("feed.atom"));
        assertThat(combined).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\"")
                .contains("<entry xml:lang=\"en\">");
        for (org.w3c.dom.Element entry : folder.entries("feed.atom")) {
            boolean ticker = PublishedFolder.text(entry, "id").contains(":ticker/");
            assertThat(entry.getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang")).as(PublishedFolder.text(entry, "id"))
                    .isEqualTo(ticker ? "en" : "");
        }
        assertThat(Files.readString(folder.out().resolve("feed.json"))).contains("\"language\": \"en\"");
        org.rundschau.testing.AtomChecks.assertAllValid(folder.files().stream().filter(f -> f.endsWith(".atom"))
                .map(folder.out()::resolve).toList());
    }

    @Test
    void thePageOfARemovedSourceStaysButLinksToNoFeedThatIsGone() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Path page = folder.out().resolve("source/ticker.html");
        assertThat(Files.readString(page)).contains("href=\"ticker.atom\"");
        AppConfig config = RealisticStore.config(dir, PublishedFolder.feed(""));
        AppConfig withoutTicker = new AppConfig(config.file(), config.feed(), config.output(), config.database(),
                config.timezone(), config.locale(), config.schedule(), config.fetch(), config.regions(),
                config.sources().stream().filter(s -> !s.id().equals("ticker")).toList(), config.dedup(),
                config.retention());

        folder.publish(withoutTicker);
        String retired = Files.readString(page);
        folder.publish(withoutTicker);

        assertThat(folder.out().resolve("source/ticker.atom")).doesNotExist();
        assertThat(retired).as("the source's own address stays on its page")
                .contains("<a href=\"https://ticker.example.org/rss.xml\">").doesNotContain("Feed dieser Quelle");
        assertThat(retired).doesNotContain("ticker.atom").contains("<h1>")
                .contains("Diese Quelle wird nicht mehr abgerufen, und ihr Feed wurde entfernt.")
                .contains("Tickermeldung");
        assertThat(Files.readString(page)).as("changed once, then left as it is").isEqualTo(retired);
        assertThat(Files.readString(folder.out().resolve("source/" + config.sources().stream()
                .filter(s -> !s.id().equals("ticker")).findFirst().orElseThrow().id() + ".html")))
                .as("a configured source's page keeps its feed").doesNotContain("nicht mehr abgerufen");
    }

    @Test
    void sourcePagesWrittenInSlicesAreEachWrittenAndThenLeftAsTheyAre() throws Exception {
        AppConfig config = RealisticStore.config(dir, PublishedFolder.feed(""));
        List<SourceConfig> many = new java.util.ArrayList<>(config.sources());
        SourceConfig model = config.sources().get(0);
        int extra = Republisher.SOURCE_PAGES_AT_ONCE * 2 + 5;
        for (int i = 0; i < extra; i++) {
            many.add(new SourceConfig("quelle-" + i, "Quelle " + i, java.net.URI.create("https://q" + i + ".example.org/feed.xml"),
                    model.kind(), "", model.timezone(), model.locale(), model.schedule(), model.selectors()));
        }
        AppConfig big = new AppConfig(config.file(), config.feed(), config.output(), config.database(), config.timezone(),
                config.locale(), config.schedule(), config.fetch(), config.regions(), many, config.dedup(), config.retention());

        folder.publish(big);
        Map<String, java.nio.file.attribute.FileTime> written = new HashMap<>();
        for (SourceConfig source : many) {
            Path page = folder.out().resolve("source/" + source.id() + ".html");
            assertThat(page).as(source.id()).exists();
            Files.setLastModifiedTime(page, PAST);
            written.put(source.id(), Files.getLastModifiedTime(page));
        }
        Republisher.Published again = folder.publish(big);

        assertThat(again.feedsRendered()).as("no region or source feed").containsExactlyInAnyOrder("feed.atom", "feed.rss", "feed.json");
        for (SourceConfig source : many) {
            assertThat(Files.getLastModifiedTime(folder.out().resolve("source/" + source.id() + ".html"))).as(source.id())
                    .isEqualTo(written.get(source.id()));
        }
    }

    @Test
    void aRenamedSourceRendersEveryFeedAgain() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        AppConfig config = RealisticStore.config(dir, PublishedFolder.feed(""));
        List<SourceConfig> renamed = config.sources().stream().map(s -> !s.id().equals("ticker") ? s
                : new SourceConfig(s.id(), "Ticker der Verwaltung", s.url(), s.kind(), s.region(), s.timezone(),
                        s.locale(), s.schedule(), s.selectors(), s.localeExplicit(), s.dateFormat(), s.summaryLength()))
                .toList();

        Republisher.Published again = folder.publish(new AppConfig(config.file(), config.feed(), config.output(),
                config.database(), config.timezone(), config.locale(), config.schedule(), config.fetch(),
                config.regions(), renamed, config.dedup(), config.retention()));

        assertThat(again.feedsRendered()).containsAll(folder.regionAndSourceFeeds());
        assertThat(Files.readString(folder.out().resolve("source/ticker.atom"))).contains("Ticker der Verwaltung");
    }


    @Test
    void fullArchivePagesNeverChangeAndNewOnesAppear() throws Exception {
        folder.publish(PublishedFolder.feed(""));
        Map<String, byte[]> pages = new HashMap<>();
        for (String page : List.of("archive/1.atom", "archive/2.atom", "archive/3.atom", "archive/4.atom")) {
            pages.put(page, Files.readAllBytes(folder.out().resolve(page)));
            Files.setLastModifiedTime(folder.out().resolve(page), PAST);
        }
        store.save("kommune21", List.of(new Item("kommune21", "row3", "", Instant.parse("2025-02-06T23:00:00Z"), true,
                "Sachsen", "Neue CIO für den Freistaat (korrigiert)", "Korrektur.", false,
                "https://www.kommune21.de/k21-meldungen/sachsen-neue-cio-fuer-den-freistaat/")), T0.plusSeconds(600));
        store.save("ticker", RealisticStore.ticker(70, 100), T0.plusSeconds(900));

        folder.publish(PublishedFolder.feed(""));

        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
            Path file = folder.out().resolve(page.getKey());
            assertThat(Files.readAllBytes(file)).as(page.getKey()).isEqualTo(page.getValue());
            assertThat(Files.getLastModifiedTime(file)).as(page.getKey()).isEqualTo(PAST);
        }
        assertThat(folder.files()).contains("archive/5.atom", "archive/6.atom").doesNotContain("archive/7.atom");
        assertThat(folder.link("feed.atom", "prev-archive")).isEqualTo("archive/6.atom");
        assertThat(folder.link("archive/5.atom", "prev-archive")).isEqualTo("archive/4.atom");
        assertThat(folder.entryTitles("feed.atom")).contains("Sachsen: Neue CIO für den Freistaat (korrigiert)");
    }

    @Test
    void anArchiveWithoutFilesIsWrittenInFullAFewPagesAtATime() throws Exception {
        store.save("ticker", RealisticStore.ticker(0, 560), T0.plusSeconds(60));
        int pages = (int) (store.archiveLayout().lastEntry() / PublishedFolder.PAGE_SIZE);
        assertThat(pages).as("more pages than one publication renders").isGreaterThan(Republisher.ARCHIVE_PAGES_AT_ONCE + 2);

        folder.publish(PublishedFolder.feed(""));

        for (int page = 1; page <= pages; page++) {
            String path = "archive/" + page + ".atom";
            assertThat(folder.entries(path)).as(path).hasSize(PublishedFolder.PAGE_SIZE);
            if (page > 1) assertThat(folder.link(path, "prev-archive")).as(path).isEqualTo("archive/" + (page - 1) + ".atom");
        }
        assertThat(folder.files()).doesNotContain("archive/" + (pages + 1) + ".atom");
        assertThat(folder.link("feed.atom", "prev-archive")).isEqualTo("archive/" + pages + ".atom");
    }

    @Test
    void theHubIsToldOnlyWhenTheCombinedFeedsChange(WireMockRuntimeInfo hub) throws Exception {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(204)));
        FeedConfig feed = PublishedFolder.feed(hub.getHttpBaseUrl() + "/hub");

        folder.publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(3);
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub"))
                .withRequestBody(containing("hub.mode=publish&hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.atom")));
        hub.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/hub"))
                .withRequestBody(containing("hub.url=https%3A%2F%2Fnews.example.org%2Ffeed.json")));
        assertThat(folder.link("feed.atom", "hub")).isEqualTo(hub.getHttpBaseUrl() + "/hub");

        folder.publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(3);

        store.save("ticker", RealisticStore.ticker(70, 71), T0.plusSeconds(60));
        folder.publish(feed);
        assertThat(hub.getWireMock().find(postRequestedFor(urlEqualTo("/hub")))).hasSize(6);
    }

    @Test
    void aFailingHubDoesNotFailThePublication(WireMockRuntimeInfo hub) throws Exception {
        hub.getWireMock().register(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(503)));

        Republisher.Published published = folder.publish(PublishedFolder.feed(hub.getHttpBaseUrl() + "/hub"));

        assertThat(published.changed()).isTrue();
        assertThat(folder.entries("feed.atom")).isNotEmpty();
    }
}
