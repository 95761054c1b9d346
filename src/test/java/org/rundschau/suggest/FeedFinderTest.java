package org.rundschau.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rundschau.model.Page;

/** Feeds a page declares, and the common paths probed on its site. */
class FeedFinderTest {
    private static Page page(String head) {
        String html = "<html><head><title> Die  Seite </title>" + head + "</head><body></body></html>";
        return Page.of(URI.create("https://www.example.org/news/"), "text/html", html.getBytes(StandardCharsets.UTF_8),
                Instant.EPOCH);
    }

    @Test
    void declaredRssAndAtomFeedsAreFoundResolvedAndDeduplicated() {
        PageFacts facts = PageFacts.of(page("""
                <link rel="stylesheet" href="/style.css">
                <link rel="alternate" hreflang="en" href="/en/news/" type="text/html">
                <link rel="alternate" type="application/rss+xml" title="News" href="/feed/">
                <link rel="Alternate" type="application/atom+xml" href="https://www.example.org/atom.xml">
                <link rel="alternate" type="application/rss+xml" title="News again" href="https://www.example.org/feed/">
                """));

        assertThat(facts.title()).isEqualTo("Die Seite");
        assertThat(facts.feeds()).containsExactly(
                new FeedLink(URI.create("https://www.example.org/feed/"), "News", FeedFinder.DECLARED),
                new FeedLink(URI.create("https://www.example.org/atom.xml"), "", FeedFinder.DECLARED));
    }

    @Test
    void commonPathsAreTriedAtTheSiteRootKeepingThePort() {
        assertThat(FeedFinder.commonPaths(URI.create("http://localhost:8080/blog/page?x=1")))
                .hasSize(FeedFinder.COMMON_PATHS.size())
                .first().isEqualTo(URI.create("http://localhost:8080/feed"));
    }
}
