package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rundschau.publish.SampleFeed.ENTRIES;
import static org.rundschau.publish.SampleFeed.FEED;
import static org.rundschau.publish.SampleFeed.SOURCES;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Entry;
import org.rundschau.testing.AtomChecks;
import org.xml.sax.InputSource;

class AtomPublisherTest {
    private static final Generator GENERATOR = new Generator("Rundschau", "https://rundschau.example.org/", "1.2.3");
    private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @TempDir
    Path folder;

    private final AtomPublisher publisher = new AtomPublisher("de", GENERATOR);

    // --- validity -------------------------------------------------------------------------------

    @Test
    void writtenFeedMatchesTheAtomGrammarAndItsSchematronRules() throws IOException {
        Path file = folder.resolve("public/feed.atom");
        publisher.write(ENTRIES, FEED, SOURCES, file);

        assertValidAtom(file);
    }

    @Test
    void emptyFeedIsValidAtom() throws IOException {
        Path file = folder.resolve("feed.atom");
        publisher.write(List.of(), FEED, SOURCES, file);

        assertValidAtom(file);
    }

    @Test
    void feedWithoutSelfWithUnconfiguredSourceAndUnusableLinksIsValidAtom() throws IOException {
        Path file = folder.resolve("feed.atom");
        List<Entry> entries = List.of(
                SampleFeed.entry("removed-source", "r1", "Hessen", "Quelle gelöscht", "", false,
                        "https://example.org/r1", "2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z"),
                SampleFeed.entry("kommune21", "j1", "", "Skript-Link", "<p>nur Text</p>", true,
                        "javascript:void(0)", "2025-01-31T10:00:00Z", "2025-01-31T10:00:00Z"),
                SampleFeed.entry("kommune21", "j2", "", "Relativer Link", "", false,
                        "/meldung_1.html", "2025-01-30T10:00:00Z", "2025-01-30T10:00:00Z"));
        new AtomPublisher().write(entries, new FeedConfig("Ohne Self", FEED.id(), "", 10),
                SOURCES, file);

        assertValidAtom(file);
    }

    @Test
    void validatorsRejectAFeedThatBreaksTheRules() throws IOException {
        // No entry id (grammar), no alternate link or content and no author anywhere (Schematron).
        Path file = folder.resolve("broken.atom");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <id>tag:example.org,2026:broken</id>
                  <title>Kaputt</title>
                  <updated>2025-02-07T00:00:00Z</updated>
                  <entry>
                    <title>Ohne alles</title>
                    <updated>2025-02-07T00:00:00Z</updated>
                  </entry>
                </feed>
                """);

        assertThat(AtomChecks.relaxNg(file).passed()).isFalse();
        AtomChecks.Outcome schematron = AtomChecks.schematron(file);
        assertThat(schematron.passed()).isFalse();
        assertThat(schematron.output()).contains("must have an atom:author", "alternate");
    }

    @Test
    void everyDateIsRfc3339WithAnOffset() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        List<String> dates = atom.all("//a:updated | //a:published");
        assertThat(dates).hasSize(1 + 2 * ENTRIES.size());
        assertThat(dates).allSatisfy(date -> {
            assertThat(date).matches(RFC_3339);
            assertThat(OffsetDateTime.parse(date)).isNotNull();
        });
    }

    @Test
    void entryIdsAreUniqueAndARepeatedIdIsLeftOut() {
        List<Entry> withRepeat = new ArrayList<>(ENTRIES);
        withRepeat.add(ENTRIES.get(0));

        List<String> ids = new AtomXPath(render(withRepeat)).all("/a:feed/a:entry/a:id");

        assertThat(ids).doesNotHaveDuplicates().hasSize(ENTRIES.size());
        assertThat(ids).containsExactlyElementsOf(ENTRIES.stream().map(Entry::entryId).toList());
    }

    @Test
    void everyLinkAndIdentifierIsAnAbsoluteIri() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        List<String> iris = new ArrayList<>(atom.all("//@href | //@scheme | //a:generator/@uri"));
        iris.addAll(atom.all("//a:id"));
        assertThat(atom.count("//@href")).isEqualTo(2 + (ENTRIES.size() - 1) + ENTRIES.size());
        assertThat(iris).allSatisfy(iri -> assertThat(URI.create(iri).isAbsolute()).as(iri).isTrue());
    }

    @Test
    void feedUpdatedIsTheNewestEntryUpdatedNeverTheRenderTime() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        String newest = atom.all("/a:feed/a:entry/a:updated").stream()
                .max((a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b))).orElseThrow();
        // The third entry was edited after the first two were published.
        assertThat(atom.one("/a:feed/a:updated")).isEqualTo(newest).isEqualTo("2025-02-07T08:15:42Z");
    }

    @Test
    void emptyFeedIsUpdatedAtTheFixedEpoch() {
        AtomXPath atom = new AtomXPath(render(List.of()));

        assertThat(atom.one("/a:feed/a:updated")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(atom.count("/a:feed/a:entry")).isZero();
    }

    // --- atomic write ---------------------------------------------------------------------------

    @Test
    void unchangedContentIsNotWrittenAgain() throws IOException {
        Path file = folder.resolve("feed.atom");
        assertThat(publisher.write(ENTRIES, FEED, SOURCES, file)).isTrue();
        byte[] first = Files.readAllBytes(file);
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, past);

        boolean written = new AtomPublisher("de", GENERATOR).write(List.copyOf(ENTRIES), FEED, Map.copyOf(SOURCES), file);

        assertThat(written).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void changedContentReplacesTheFile() throws IOException {
        Path file = folder.resolve("feed.atom");
        publisher.write(ENTRIES, FEED, SOURCES, file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        List<Entry> oneMore = new ArrayList<>(ENTRIES);
        oneMore.add(0, SampleFeed.simple("neu", "2025-02-08T07:00:00Z"));

        assertThat(publisher.write(oneMore, FEED, SOURCES, file)).isTrue();

        assertThat(Files.readString(file)).isEqualTo(render(oneMore)).contains("Meldung neu");
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void createsTheOutputFolderAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("public/nested/feed.atom");

        assertThat(publisher.write(ENTRIES, FEED, SOURCES, file)).isTrue();
        publisher.write(ENTRIES.subList(0, 2), FEED, SOURCES, file);

        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacesAFileThatIsNotAFeedAtAll() throws IOException {
        Path file = folder.resolve("feed.atom");
        Files.writeString(file, "half a docu");

        assertThat(publisher.write(ENTRIES, FEED, SOURCES, file)).isTrue();

        assertThat(Files.readString(file)).isEqualTo(render(ENTRIES));
    }

    // --- mapping --------------------------------------------------------------------------------

    @Test
    void rendersAtMostTheConfiguredNumberOfEntries() {
        AtomXPath atom = new AtomXPath(publisher.render(ENTRIES, SampleFeed.feedWithLimit(3), SOURCES));

        assertThat(atom.all("/a:feed/a:entry/a:id"))
                .containsExactlyElementsOf(ENTRIES.subList(0, 3).stream().map(Entry::entryId).toList());
        // The feed's updated comes from the entries it shows.
        assertThat(atom.one("/a:feed/a:updated")).isEqualTo("2025-02-07T08:15:42Z");
        assertThat(new AtomXPath(publisher.render(ENTRIES, SampleFeed.feedWithLimit(2), SOURCES))
                .one("/a:feed/a:updated")).isEqualTo("2025-02-06T23:00:00Z");
    }

    @Test
    void keepsTheOrderTheEntriesCameIn() {
        List<Entry> reversed = new ArrayList<>(ENTRIES);
        Collections.reverse(reversed);

        List<String> ids = new AtomXPath(render(reversed)).all("/a:feed/a:entry/a:id");

        assertThat(ids).containsExactlyElementsOf(reversed.stream().map(Entry::entryId).toList());
    }

    @Test
    void regionPrefixesTheTitleAndBecomesACategory() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));
        String entry = "/a:feed/a:entry[a:id='tag:rundschau.example.org,2026:kommune21/a3']";

        assertThat(atom.one(entry + "/a:title")).isEqualTo("Kreis Recklinghausen: Info-Plattform zum Smart-City-Ansatz");
        assertThat(atom.one(entry + "/a:title/@type")).isEqualTo("text");
        assertThat(atom.one(entry + "/a:category/@term")).isEqualTo("Kreis Recklinghausen");
        assertThat(atom.one(entry + "/a:category/@label")).isEqualTo("Kreis Recklinghausen");
        assertThat(atom.one(entry + "/a:category/@scheme")).isEqualTo("tag:rundschau.example.org,2026:combined/region");
        assertThat(atom.all("/a:feed/a:entry/a:category/@term")).containsExactly(
                "Sachsen", "Köln", "Kreis Recklinghausen", "Baden-Württemberg", "Thüringen", "Bayern");
    }

    @Test
    void entryWithoutRegionKeepsItsTitleAndHasNoCategory() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));
        String entry = "/a:feed/a:entry[a:id='tag:rundschau.example.org,2026:kommune21/a2']";

        assertThat(atom.one(entry + "/a:title")).isEqualTo("OZG: „Aufenthalt“ erreicht alle Milestones");
        assertThat(atom.count(entry + "/a:category")).isZero();
    }

    @Test
    void htmlSummaryIsEscapedHtmlAndPlainSummaryIsText() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        assertThat(atom.one("//a:entry[a:id='tag:rundschau.example.org,2026:koeln-presse/k1']/a:summary/@type"))
                .isEqualTo("html");
        assertThat(atom.one("//a:entry[a:id='tag:rundschau.example.org,2026:koeln-presse/k1']/a:summary"))
                .isEqualTo(ENTRIES.get(2).summary());
        assertThat(atom.one("//a:entry[a:id='tag:rundschau.example.org,2026:kommune21/a1']/a:summary/@type"))
                .isEqualTo("text");
        assertThat(render(ENTRIES)).contains("&lt;p&gt;Die &lt;b&gt;Stadt Köln&lt;/b&gt; bietet ab sofort &amp;amp;");
    }

    @Test
    void blankSummaryIsLeftOut() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        assertThat(atom.count("//a:entry[a:id='tag:rundschau.example.org,2026:behoerden-spiegel/b2']/a:summary")).isZero();
    }

    @Test
    void entryWithoutLinkCarriesItsSummaryAsContent() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));
        String entry = "//a:entry[a:id='tag:rundschau.example.org,2026:behoerden-spiegel/b1']";

        assertThat(atom.count(entry + "/a:link")).isZero();
        assertThat(atom.count(entry + "/a:summary")).isZero();
        assertThat(atom.one(entry + "/a:content")).isEqualTo("Die Meldung steht nur in der Übersicht; sie hat keinen eigenen Link.");
        assertThat(atom.one(entry + "/a:content/@type")).isEqualTo("text");
        assertThat(atom.count("//a:entry/a:link[@rel='alternate']")).isEqualTo(ENTRIES.size() - 1);
    }

    @Test
    void linksThatAreNotAbsoluteWebLinksAreNotPublished() {
        List<Entry> entries = List.of(
                SampleFeed.entry("kommune21", "j1", "", "Skript", "", false, "javascript:alert(1)",
                        "2025-01-31T10:00:00Z", "2025-01-31T10:00:00Z"),
                SampleFeed.entry("kommune21", "j2", "", "Relativ", "", false, "/meldung_1.html",
                        "2025-01-30T10:00:00Z", "2025-01-30T10:00:00Z"),
                SampleFeed.entry("kommune21", "j3", "", "Kaputt", "", false, "https://exa mple.org/",
                        "2025-01-29T10:00:00Z", "2025-01-29T10:00:00Z"));

        AtomXPath atom = new AtomXPath(render(entries));

        assertThat(atom.count("//a:entry/a:link")).isZero();
        assertThat(atom.count("//a:entry/a:content")).isEqualTo(3);
    }

    @Test
    void entryNamesItsSourceAsAuthorAndOrigin() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));
        String html = "//a:entry[a:id='tag:rundschau.example.org,2026:kommune21/a1']";
        String feed = "//a:entry[a:id='tag:rundschau.example.org,2026:koeln-presse/k1']";

        assertThat(atom.one(html + "/a:author/a:name")).isEqualTo("Kommune21");
        assertThat(atom.one(html + "/a:source/a:id")).isEqualTo("tag:rundschau.example.org,2026:combined/source/kommune21");
        assertThat(atom.one(html + "/a:source/a:title")).isEqualTo("Kommune21");
        assertThat(atom.one(html + "/a:source/a:link[@rel='alternate']/@href")).isEqualTo("https://www.kommune21.de/");
        assertThat(atom.one(feed + "/a:author/a:name")).isEqualTo("Stadt Köln – Presse & Medien");
        assertThat(atom.one(feed + "/a:source/a:link[@rel='self']/@href")).isEqualTo("https://www.stadt-koeln.example/presse/rss.xml");
        assertThat(atom.count("//a:entry[not(a:author)]")).isZero();
    }

    @Test
    void entryOfASourceNoLongerConfiguredFallsBackToTheFeedAuthor() {
        Entry orphan = SampleFeed.entry("removed-source", "r1", "", "Alt", "", false, "https://example.org/r1",
                "2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z");

        AtomXPath atom = new AtomXPath(render(List.of(orphan)));

        assertThat(atom.count("//a:entry/a:author")).isZero();
        assertThat(atom.count("//a:entry/a:source")).isZero();
        assertThat(atom.one("/a:feed/a:author/a:name")).isEqualTo("Kommunale Digitalnachrichten");
    }

    @Test
    void feedCarriesSelfLinkLanguageAndGenerator() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));

        assertThat(atom.one("/a:feed/a:id")).isEqualTo(FEED.id());
        assertThat(atom.one("/a:feed/a:title")).isEqualTo("Kommunale Digitalnachrichten");
        assertThat(atom.one("/a:feed/a:link[@rel='self']/@href")).isEqualTo("https://news.example.org/feed.atom");
        assertThat(atom.one("/a:feed/a:link[@rel='self']/@type")).isEqualTo("application/atom+xml");
        assertThat(atom.one("/a:feed/a:link[@rel='alternate']/@href")).isEqualTo("https://news.example.org/index.html");
        assertThat(atom.one("/a:feed/a:link[@rel='alternate']/@type")).isEqualTo("text/html");
        assertThat(atom.one("/a:feed/@xml:lang")).isEqualTo("de");
        assertThat(atom.one("/a:feed/a:generator")).isEqualTo("Rundschau");
        assertThat(atom.one("/a:feed/a:generator/@uri")).isEqualTo("https://rundschau.example.org/");
        assertThat(atom.one("/a:feed/a:generator/@version")).isEqualTo("1.2.3");
        assertThat(new AtomXPath(new AtomPublisher("de-AT", GENERATOR).render(ENTRIES, FEED, SOURCES))
                .one("/a:feed/@xml:lang")).isEqualTo("de-AT");
    }

    @Test
    void feedWithoutSelfLinksItselfAndItsPageRelatively() {
        String xml = publisher.render(ENTRIES, new FeedConfig(FEED.title(), FEED.id(), "", 100), SOURCES);

        AtomXPath atom = new AtomXPath(xml);
        assertThat(atom.one("/a:feed/a:link[@rel='self']/@href")).isEqualTo("feed.atom");
        assertThat(atom.one("/a:feed/a:link[@rel='alternate']/@href")).isEqualTo("index.html");
        assertThat(atom.count("/a:feed/a:link")).isEqualTo(2);
    }

    @Test
    void configuredWebPageIsTheAlternateLink() {
        FeedConfig feed = new FeedConfig(FEED.title(), FEED.id(), FEED.self(), 100, "https://www.example.org/nachrichten",
                25, "");

        AtomXPath atom = new AtomXPath(publisher.render(ENTRIES, feed, SOURCES));

        assertThat(atom.one("/a:feed/a:link[@rel='alternate']/@href")).isEqualTo("https://www.example.org/nachrichten");
    }

    @Test
    void stripsCharactersThatXmlForbidsAndKeepsTheRest() {
        AtomXPath atom = new AtomXPath(render(ENTRIES));
        String entry = "//a:entry[a:id='tag:rundschau.example.org,2026:egov-blog/e1']";

        assertThat(atom.one(entry + "/a:title")).isEqualTo("Thüringen: Kontrollzeichen und  im Titel");
        assertThat(atom.one(entry + "/a:summary")).isEqualTo("Zeile eins\nZeile zwei mit Escape [0m und Tab\tEnde");
        assertThat(atom.one("//a:entry[a:id='tag:rundschau.example.org,2026:behoerden-spiegel/b2']/a:title"))
                .isEqualTo("Digitalisierung: Blick in die Glaskugel 🔮");
        assertThat(atom.one(entry + "/a:author/a:name")).isEqualTo("eGov <Blog>");
    }

    @Test
    void renderingTheSameInputTwiceGivesTheSameBytes() {
        byte[] first = publisher.renderBytes(ENTRIES, FEED, SOURCES);
        byte[] second = new AtomPublisher("de", GENERATOR).renderBytes(List.copyOf(ENTRIES), FEED, Map.copyOf(SOURCES));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void rendersTheReviewedDocument() throws IOException {
        try (InputStream expected = getClass().getResourceAsStream("/publish/expected/sample-feed.atom")) {
            assertThat(expected).as("src/test/resources/publish/expected/sample-feed.atom").isNotNull();
            assertThat(render(ENTRIES)).isEqualTo(new String(expected.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void romeReadsTitlesLinksAndDatesBack() throws IOException, FeedException {
        Path file = folder.resolve("feed.atom");
        publisher.write(ENTRIES, FEED, SOURCES, file);

        SyndFeed feed;
        try (InputStream in = Files.newInputStream(file)) {
            feed = new SyndFeedInput().build(new InputSource(in));
        }

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Kommunale Digitalnachrichten");
        assertThat(feed.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2025-02-07T08:15:42Z")));
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).hasSize(ENTRIES.size());
        SyndEntry first = entries.get(0);
        assertThat(first.getUri()).isEqualTo("tag:rundschau.example.org,2026:kommune21/a1");
        assertThat(first.getTitle()).isEqualTo("Sachsen: Neue CIO für den Freistaat");
        assertThat(first.getLink()).isEqualTo(ENTRIES.get(0).link());
        assertThat(first.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2025-02-06T23:00:00Z")));
        assertThat(first.getUpdatedDate()).isEqualTo(Date.from(Instant.parse("2025-02-06T23:00:00Z")));
        assertThat(first.getCategories()).singleElement().satisfies(c -> assertThat(c.getName()).isEqualTo("Sachsen"));
        assertThat(entries.get(2).getDescription().getType()).isEqualTo("html");
        assertThat(entries.get(2).getUpdatedDate()).isEqualTo(Date.from(Instant.parse("2025-02-07T08:15:42Z")));
        assertThat(entries.get(5).getTitle()).isEqualTo("Thüringen: Kontrollzeichen und  im Titel");
    }

    // --- settings -------------------------------------------------------------------------------

    @Test
    void rejectsALanguageThatIsNoLanguageTag() {
        assertThatThrownBy(() -> new AtomPublisher("de_DE", GENERATOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("de_DE");
    }

    @Test
    void rejectsASelfUrlThatIsNotAbsolute() {
        FeedConfig feed = new FeedConfig(FEED.title(), FEED.id(), "feed.atom", 100);

        assertThatThrownBy(() -> publisher.render(ENTRIES, feed, SOURCES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed.self").hasMessageContaining("feed.atom");
    }

    private String render(List<Entry> entries) {
        return publisher.render(entries, FEED, SOURCES);
    }

    @Test
    void anEntryLinksToEveryFurtherSourceOfItsStory() throws IOException {
        Entry cio = ENTRIES.get(0);
        Entry told = new Entry(cio.entryId(), cio.sourceId(), cio.region(), cio.title(), cio.summary(),
                cio.summaryIsHtml(), cio.link(), cio.published(), cio.updated(), List.of(
                        new Entry.Origin("behoerden-spiegel", "https://www.behoerden-spiegel.de/2025/02/neue-cio/"),
                        new Entry.Origin("koeln-presse", cio.link()),
                        new Entry.Origin("removed-source", "https://gone.example.org/cio")));
        Path file = folder.resolve("feed.atom");
        publisher.write(List.of(told), FEED, SOURCES, file);

        assertValidAtom(file);
        AtomXPath atom = new AtomXPath(Files.readString(file));
        assertThat(atom.all("/a:feed/a:entry/a:link[@rel='related']/@href"))
                .containsExactly("https://www.behoerden-spiegel.de/2025/02/neue-cio/", "https://gone.example.org/cio");
        assertThat(atom.all("/a:feed/a:entry/a:link[@rel='related']/@title")).containsExactly("Behörden Spiegel");
        assertThat(atom.all("/a:feed/a:entry/a:link[@rel='via']/@href")).containsExactly(
                "https://www.behoerden-spiegel.de/kategorie/digitalisierung/", "https://www.stadt-koeln.example/presse/rss.xml");
        assertThat(atom.all("/a:feed/a:entry/a:link[@rel='alternate']/@href")).containsExactly(cio.link());
    }

    private static void assertValidAtom(Path file) {
        AtomChecks.assertValid(file);
    }
}
