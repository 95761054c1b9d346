package org.rundschau.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rundschau.publish.SampleFeed.FEED;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rundschau.config.FeedConfig;

class FeedLayoutTest {
    private static final FeedConfig NO_SELF = new FeedConfig(FEED.title(), FEED.id(), "", 100);
    private static final FeedConfig IN_FOLDER = new FeedConfig(FEED.title(), FEED.id(),
            "https://example.org/nachrichten/rundschau.atom", 100, "", 25, "https://hub.example.org/");

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource({
            "feed.atom, feed.atom, feed.atom",
            "region/bayern.atom, feed.atom, region/bayern.atom",
            "feed.atom, region/bayern.atom, ../feed.atom",
            "region/bayern.html, region/bayern.atom, bayern.html",
            "archive/1.atom, archive/2.atom, 1.atom",
            "index.html, source/kommune21.atom, ../index.html",
            "source/kommune21.html, region/bayern.atom, ../source/kommune21.html"})
    void relativeLinksResolveFromTheLinkingDocumentsFolder(String path, String from, String expected) {
        assertThat(FeedLayout.relative(path, from)).isEqualTo(expected);
        assertThat(new FeedLayout(NO_SELF).href(path, from)).isEqualTo(expected);
    }

    @Test
    void withSelfEveryLinkIsAbsoluteFromItsFolder() {
        FeedLayout layout = new FeedLayout(IN_FOLDER);

        assertThat(layout.href("feed.atom", "region/bayern.atom")).isEqualTo(IN_FOLDER.self());
        assertThat(layout.href("region/bayern.atom", "feed.atom")).isEqualTo("https://example.org/nachrichten/region/bayern.atom");
        assertThat(layout.publicUrl("feed.rss")).contains("https://example.org/nachrichten/feed.rss");
        assertThat(layout.home("archive/3.atom")).isEqualTo("https://example.org/nachrichten/index.html");
        assertThat(new FeedLayout(new FeedConfig("T", FEED.id(), "https://example.org", 1)).publicUrl("feed.json"))
                .contains("https://example.org/feed.json");
    }

    @Test
    void withoutSelfThereAreNoPublicUrls() {
        FeedLayout layout = new FeedLayout(NO_SELF);

        assertThat(layout.publicUrl("feed.rss")).isEmpty();
        assertThat(layout.publicHome()).isEmpty();
        FeedConfig withLink = new FeedConfig(FEED.title(), FEED.id(), "", 100, "https://www.example.org/", 25, "");
        assertThat(new FeedLayout(withLink).publicHome()).contains("https://www.example.org/");
        assertThat(new FeedLayout(withLink).home("region/x.atom")).isEqualTo("https://www.example.org/");
    }

    @Test
    void theCombinedFeedLinksItsHubAndItsNewestArchivePage() {
        AtomHead head = new FeedLayout(IN_FOLDER).combinedHead(7);

        assertThat(head.id()).isEqualTo(FEED.id());
        assertThat(head.archive()).isFalse();
        assertThat(head.links()).extracting(AtomHead.Link::rel, AtomHead.Link::href).containsExactly(
                org.assertj.core.groups.Tuple.tuple("self", IN_FOLDER.self()),
                org.assertj.core.groups.Tuple.tuple("alternate", "https://example.org/nachrichten/index.html"),
                org.assertj.core.groups.Tuple.tuple("hub", "https://hub.example.org/"),
                org.assertj.core.groups.Tuple.tuple("prev-archive", "https://example.org/nachrichten/archive/7.atom"));
        assertThat(new FeedLayout(NO_SELF).combinedHead(0).links()).extracting(AtomHead.Link::rel)
                .containsExactly("self", "alternate");
    }

    @Test
    void anArchivePageLinksTheCurrentFeedAndTheOlderPage() {
        FeedLayout layout = new FeedLayout(NO_SELF);

        AtomHead second = layout.archiveHead(2);
        assertThat(second.archive()).isTrue();
        assertThat(second.id()).isEqualTo(FEED.id());
        assertThat(second.links()).extracting(AtomHead.Link::rel, AtomHead.Link::href).containsExactly(
                org.assertj.core.groups.Tuple.tuple("self", "2.atom"),
                org.assertj.core.groups.Tuple.tuple("alternate", "../index.html"),
                org.assertj.core.groups.Tuple.tuple("current", "../feed.atom"),
                org.assertj.core.groups.Tuple.tuple("prev-archive", "1.atom"));
        assertThat(layout.archiveHead(1).links()).extracting(AtomHead.Link::rel)
                .containsExactly("self", "alternate", "current");
    }

    @Test
    void regionAndSourceFeedsHaveTheirOwnIdsTitlesAndPages() {
        FeedLayout layout = new FeedLayout(FEED);

        AtomHead region = layout.regionHead("Baden-Württemberg", "baden-wuerttemberg");
        assertThat(region.id()).isEqualTo(FEED.id() + "/region/baden-wuerttemberg");
        assertThat(region.title()).isEqualTo("Kommunale Digitalnachrichten – Baden-Württemberg");
        assertThat(region.links()).extracting(AtomHead.Link::href).containsExactly(
                "https://news.example.org/region/baden-wuerttemberg.atom",
                "https://news.example.org/region/baden-wuerttemberg.html");
        AtomHead source = layout.sourceHead(SampleFeed.KOELN);
        assertThat(source.id()).isEqualTo(AtomPublisher.sourceId(FEED, "koeln-presse"));
        assertThat(source.title()).isEqualTo("Kommunale Digitalnachrichten – Stadt Köln – Presse & Medien");
        assertThat(source.links()).extracting(AtomHead.Link::href).containsExactly(
                "https://news.example.org/source/koeln-presse.atom", "https://news.example.org/source/koeln-presse.html");
    }

    @Test
    void rejectsASelfThatIsNoWebUrlAndArchivePageZero() {
        assertThatThrownBy(() -> new FeedLayout(new FeedConfig("T", FEED.id(), "ftp://example.org/feed.atom", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feed.self");
        assertThatThrownBy(() -> FeedLayout.archivePage(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
