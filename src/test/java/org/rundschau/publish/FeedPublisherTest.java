package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.publish.SampleFeed.ENTRIES;
import static org.rundschau.publish.SampleFeed.FEED;
import static org.rundschau.publish.SampleFeed.SOURCES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Entry;
import org.rundschau.testing.AtomChecks;
import org.rundschau.testing.FeedFormats;

class FeedPublisherTest {
    private static final Generator GENERATOR = new Generator("Rundschau", "", "1.2.3");
    private static final FeedConfig HUBBED = new FeedConfig(FEED.title(), FEED.id(), FEED.self(), 100, "", 25,
            "https://hub.example.org/");
    private static final Instant STORE_CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private final FeedPublisher feeds = new FeedPublisher(new AtomPublisher("de", GENERATOR),
            new RssPublisher("de", GENERATOR), new JsonFeedPublisher("de"));

    @TempDir
    Path out;

    @Test
    void writesTheCombinedFeedInThreeFormatsAndAFeedPerRegionSourceAndArchivePage() throws IOException {
        publish(content(), HUBBED);

        assertThat(files()).containsExactlyInAnyOrder("feed.atom", "feed.rss", "feed.json",
                "archive/1.atom", "archive/2.atom",
                "region/sachsen.atom", "region/koeln.atom", "region/kreis-recklinghausen.atom",
                "region/baden-wuerttemberg.atom", "region/thueringen.atom", "region/bayern.atom",
                "source/kommune21.atom", "source/behoerden-spiegel.atom", "source/koeln-presse.atom",
                "source/egov-blog.atom");
    }

    @Test
    void everyDocumentIsValid() throws IOException {
        publish(content(), HUBBED);

        AtomChecks.assertAllValid(atomFiles());
        FeedFormats.assertValidRss(out.resolve("feed.rss"));
        FeedFormats.assertValidJsonFeed(out.resolve("feed.json"));
    }

    @Test
    void everyDocumentIsValidWithoutSelfToo() throws IOException {
        publish(content(), new FeedConfig(FEED.title(), FEED.id(), "", 100));

        AtomChecks.assertAllValid(atomFiles());
        FeedFormats.assertValidRss(out.resolve("feed.rss"));
        FeedFormats.assertValidJsonFeed(out.resolve("feed.json"));
        AtomXPath region = atom("region/bayern.atom");
        assertThat(region.one("/a:feed/a:link[@rel='self']/@href")).isEqualTo("bayern.atom");
        assertThat(region.one("/a:feed/a:link[@rel='alternate']/@href")).isEqualTo("bayern.html");
    }

    @Test
    void theCombinedFeedAdvertisesItsHubAndLinksItsNewestArchivePage() throws IOException {
        publish(content(), HUBBED);

        AtomXPath combined = atom("feed.atom");
        assertThat(combined.one("/a:feed/a:link[@rel='hub']/@href")).isEqualTo("https://hub.example.org/");
        assertThat(combined.one("/a:feed/a:link[@rel='prev-archive']/@href")).isEqualTo("https://news.example.org/archive/2.atom");
        assertThat(combined.count("/a:feed/*[local-name()='archive']")).isZero();
        assertThat(combined.count("/a:feed/a:entry")).isEqualTo(ENTRIES.size());
        assertThat(atom("region/bayern.atom").count("/a:feed/a:link[@rel='hub']")).isZero();
    }

    @Test
    void archivePagesAreMarkedAndLinkedOldestFirst() throws IOException {
        publish(content(), HUBBED);

        AtomXPath second = atom("archive/2.atom");
        assertThat(second.one("/a:feed/a:id")).isEqualTo(FEED.id());
        assertThat(second.count("/a:feed/*[local-name()='archive' and namespace-uri()='"
                + AtomPublisher.HISTORY_NAMESPACE + "']")).isEqualTo(1);
        assertThat(second.one("/a:feed/a:link[@rel='current']/@href")).isEqualTo(FEED.self());
        assertThat(second.one("/a:feed/a:link[@rel='prev-archive']/@href")).isEqualTo("https://news.example.org/archive/1.atom");
        assertThat(second.one("/a:feed/a:link[@rel='self']/@href")).isEqualTo("https://news.example.org/archive/2.atom");
        assertThat(second.count("/a:feed/a:link[@rel='hub']")).isZero();
        assertThat(second.all("/a:feed/a:entry/a:id")).containsExactlyElementsOf(ids(ENTRIES.subList(4, 8)));
        assertThat(second.one("/a:feed/a:updated")).isEqualTo("2025-02-01T10:00:00Z");
        assertThat(atom("archive/1.atom").count("/a:feed/a:link[@rel='prev-archive']")).isZero();
    }

    @Test
    void aRegionsFeedHoldsItsEntriesUnderItsOwnIdAndLinks() throws IOException {
        publish(content(), HUBBED);

        AtomXPath region = atom("region/baden-wuerttemberg.atom");
        assertThat(region.one("/a:feed/a:id")).isEqualTo(FEED.id() + "/region/baden-wuerttemberg");
        assertThat(region.one("/a:feed/a:title")).isEqualTo("Kommunale Digitalnachrichten – Baden-Württemberg");
        assertThat(region.one("/a:feed/a:link[@rel='self']/@href"))
                .isEqualTo("https://news.example.org/region/baden-wuerttemberg.atom");
        assertThat(region.one("/a:feed/a:link[@rel='alternate']/@href"))
                .isEqualTo("https://news.example.org/region/baden-wuerttemberg.html");
        assertThat(region.all("/a:feed/a:entry/a:category/@term")).containsOnly("Baden-Württemberg");
        assertThat(region.one("/a:feed/a:updated")).isEqualTo("2025-02-01T10:00:00Z");
        AtomXPath source = atom("source/koeln-presse.atom");
        assertThat(source.one("/a:feed/a:id")).isEqualTo(source.one("/a:feed/a:entry/a:source/a:id"));
        assertThat(source.one("/a:feed/a:updated")).isEqualTo("2025-02-07T08:15:42Z");
    }

    @Test
    void archivePagesAreAddedBeforeTheFeedsThatLinkThem() {
        Publication publication = new Publication();
        feeds.addTo(publication, content(), HUBBED, SOURCES);

        List<String> paths = publication.paths();
        assertThat(paths.subList(0, 2)).containsExactly("archive/1.atom", "archive/2.atom");
        assertThat(paths.get(paths.size() - 1)).isEqualTo("feed.atom");
    }

    @Test
    void publishingTheSameContentAgainWritesNothing() throws IOException {
        publish(content(), HUBBED);
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String file : files()) Files.setLastModifiedTime(out.resolve(file), past);

        Publication.Result again = publish(content(), HUBBED);

        assertThat(again.written()).isEmpty();
        assertThat(again.removed()).isEmpty();
        for (String file : files()) assertThat(Files.getLastModifiedTime(out.resolve(file))).as(file).isEqualTo(past);
    }

    @Test
    void aWrittenArchivePageNeverChangesAndVanishedRegionsAreRemoved() throws IOException {
        publish(content(), HUBBED);
        byte[] page = Files.readAllBytes(out.resolve("archive/1.atom"));
        List<Entry> edited = new ArrayList<>(ENTRIES);
        edited.set(0, SampleFeed.entry("kommune21", "a1", "Sachsen", "Neuer Titel", "", false,
                "https://example.org/a1", "2025-02-06T23:00:00Z", "2025-02-09T00:00:00Z"));
        FeedContent changed = new FeedContent(edited, 2,
                List.of(new FeedContent.ArchivePage(1, edited.subList(0, 4))),
                List.of(new FeedContent.RegionFeed("Sachsen", "sachsen", edited.subList(0, 1))), sourceFeeds(), STORE_CREATED);

        Publication.Result result = publish(changed, HUBBED);

        assertThat(Files.readAllBytes(out.resolve("archive/1.atom"))).isEqualTo(page);
        assertThat(result.written()).contains("feed.atom", "feed.rss", "feed.json", "region/sachsen.atom")
                .doesNotContain("archive/1.atom");
        assertThat(result.removed()).contains("region/bayern.atom").hasSize(5);
        assertThat(out.resolve("region/bayern.atom")).doesNotExist();
    }

    private Publication.Result publish(FeedContent content, FeedConfig feed) throws IOException {
        Publication publication = new Publication();
        feeds.addTo(publication, content, feed, SOURCES);
        return publication.writeTo(out);
    }

    /** The sample entries as one store would give them, with two archive pages of four entries each. */
    private static FeedContent content() {
        List<String> regions = ENTRIES.stream().map(Entry::region).filter(r -> !r.isEmpty()).distinct().toList();
        List<FeedContent.RegionFeed> regionFeeds = RegionSlugs.assign(regions).all().entrySet().stream()
                .map(r -> new FeedContent.RegionFeed(r.getKey(), r.getValue(),
                        ENTRIES.stream().filter(e -> e.region().equals(r.getKey())).toList()))
                .toList();
        return new FeedContent(ENTRIES, 2, List.of(new FeedContent.ArchivePage(1, ENTRIES.subList(0, 4)),
                new FeedContent.ArchivePage(2, ENTRIES.subList(4, 8))), regionFeeds, sourceFeeds(),
                STORE_CREATED);
    }

    private static List<FeedContent.SourceFeed> sourceFeeds() {
        return Stream.of("kommune21", "behoerden-spiegel", "koeln-presse", "egov-blog")
                .map(id -> new FeedContent.SourceFeed(SOURCES.get(id),
                        ENTRIES.stream().filter(e -> e.sourceId().equals(id)).toList()))
                .toList();
    }

    private AtomXPath atom(String path) throws IOException {
        return new AtomXPath(Files.readString(out.resolve(path)));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString().replace('\\', '/')).toList();
        }
    }

    private List<Path> atomFiles() throws IOException {
        return files().stream().filter(f -> f.endsWith(".atom")).map(out::resolve).toList();
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::entryId).toList();
    }
}
