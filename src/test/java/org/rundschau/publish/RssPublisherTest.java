package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rundschau.publish.SampleFeed.ENTRIES;
import static org.rundschau.publish.SampleFeed.FEED;
import static org.rundschau.publish.SampleFeed.SOURCES;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rundschau.config.FeedConfig;
import org.rundschau.model.Entry;
import org.rundschau.testing.FeedFormats;
import org.xml.sax.InputSource;

class RssPublisherTest {
    private static final Generator GENERATOR = new Generator("Rundschau", "", "1.2.3");
    private static final FeedConfig WITH_HUB = new FeedConfig(FEED.title(), FEED.id(), FEED.self(), 100, "", 25,
            "https://hub.example.org/");

    private final RssPublisher publisher = new RssPublisher("de", GENERATOR);

    @TempDir
    Path dir;

    @Test
    void hasEveryElementRss2RequiresAndRundschauPromises() throws IOException {
        Path file = dir.resolve("feed.rss");
        Files.write(file, render(ENTRIES, WITH_HUB));

        FeedFormats.assertValidRss(file);
    }

    @Test
    void emptyAndSelfLessFeedsAreValidToo() throws IOException {
        Path file = dir.resolve("feed.rss");
        Files.write(file, render(List.of(), new FeedConfig("Leer", FEED.id(), "", 10)));

        FeedFormats.assertValidRss(file);
        assertThat(Files.readString(file)).contains("<link>index.html</link>").doesNotContain("lastBuildDate");
    }

    @Test
    void channelNamesItsPageSelfHubLanguageAndNewestChange() {
        String rss = new String(render(ENTRIES, WITH_HUB), StandardCharsets.UTF_8);

        assertThat(rss).contains("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">")
                .contains("<link>https://news.example.org/index.html</link>")
                .contains("<description>Kommunale Digitalnachrichten</description>")
                .contains("<language>de</language>")
                .contains("<lastBuildDate>Fri, 07 Feb 2025 08:15:42 +0000</lastBuildDate>")
                .contains("<generator>Rundschau 1.2.3</generator>")
                .contains("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"https://news.example.org/feed.rss\"/>")
                .contains("<atom:link rel=\"hub\" href=\"https://hub.example.org/\"/>");
    }

    @Test
    void itemsCarryGuidDateRegionAndSource() {
        String rss = new String(render(ENTRIES, FEED), StandardCharsets.UTF_8);

        assertThat(rss).contains("<guid isPermaLink=\"false\">tag:rundschau.example.org,2026:kommune21/a1</guid>")
                .contains("<pubDate>Thu, 06 Feb 2025 23:00:00 +0000</pubDate>")
                .contains("<category domain=\"tag:rundschau.example.org,2026:combined/region\">Sachsen</category>")
                .contains("<source url=\"https://news.example.org/source/kommune21.atom\">Kommune21</source>")
                .doesNotContain("atom:link rel=\"hub\"");
    }

    @Test
    void plainSummariesAreEscapedOnceMoreSoReadersShowThemAsWritten() {
        Entry plain = SampleFeed.entry("kommune21", "p", "", "Vergleich", "a < b & c", false,
                "https://example.org/p", "2025-02-01T10:00:00Z", "2025-02-01T10:00:00Z");
        String rss = new String(render(List.of(plain, ENTRIES.get(2)), FEED), StandardCharsets.UTF_8);

        assertThat(rss).contains("<description>a &amp;lt; b &amp;amp; c</description>")
                .contains("<description>&lt;p&gt;Die &lt;b&gt;Stadt Köln&lt;/b&gt;");
    }

    @Test
    void romeReadsTitlesLinksDatesAndGuidsBack() throws IOException, FeedException {
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(render(ENTRIES, FEED))));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).hasSize(ENTRIES.size());
        SyndEntry first = entries.get(0);
        assertThat(first.getTitle()).isEqualTo("Sachsen: Neue CIO für den Freistaat");
        assertThat(first.getLink()).isEqualTo(ENTRIES.get(0).link());
        assertThat(first.getUri()).isEqualTo(ENTRIES.get(0).entryId());
        assertThat(first.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2025-02-06T23:00:00Z")));
        assertThat(entries.get(4).getLink()).as("no link for the entry without one").isNull();
        assertThat(entries.get(5).getTitle()).isEqualTo("Thüringen: Kontrollzeichen und  im Titel");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertThat(render(List.copyOf(ENTRIES), FEED)).isEqualTo(render(ENTRIES, FEED));
    }

    private byte[] render(List<Entry> entries, FeedConfig feed) {
        return publisher.renderBytes(new FeedLayout(feed), entries, feed, SOURCES);
    }
}
