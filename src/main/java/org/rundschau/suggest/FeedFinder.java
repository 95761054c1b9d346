package org.rundschau.suggest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rundschau.extract.ExtractException;
import org.rundschau.extract.FeedExtractor;
import org.rundschau.extract.HtmlDocuments;
import org.rundschau.fetch.FetchException;
import org.rundschau.fetch.FetchResult;
import org.rundschau.fetch.HttpFetcher;
import org.rundschau.model.Page;
import org.rundschau.model.Validators;

/**
 * Finds the RSS/Atom feeds a page offers: the ones it declares with
 * {@code <link rel="alternate" type="application/rss+xml">} (or {@code atom+xml}), and, when asked to
 * probe, the first of the usual feed paths of its site that answers with a readable feed.
 */
public final class FeedFinder {
    /** Where sites commonly put their feed (WordPress, Hugo, Jekyll, Ghost and hand-made sites). */
    public static final List<String> COMMON_PATHS =
            List.of("/feed", "/feed/", "/rss", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml");
    static final String DECLARED = "<link rel=\"alternate\">";

    private final HttpFetcher fetcher;
    private final FeedExtractor feeds;

    public FeedFinder(HttpFetcher fetcher, FeedExtractor feeds) {
        this.fetcher = fetcher;
        this.feeds = feeds;
    }

    /** The feeds the page declares in its markup, in page order, without fetching anything. */
    public static List<FeedLink> declared(Page page) {
        return declared(HtmlDocuments.parse(page));
    }

    static List<FeedLink> declared(Document document) {
        Map<URI, FeedLink> found = new LinkedHashMap<>();
        for (Element link : document.select("link[href][rel]")) {
            List<String> rel = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (!rel.contains("alternate") || !(type.contains("rss") || type.contains("atom"))) continue;
            uri(link.absUrl("href")).ifPresent(url -> found.putIfAbsent(url, new FeedLink(url, link.attr("title").strip(),
                    DECLARED)));
        }
        return List.copyOf(found.values());
    }

    /**
     * Tries the {@link #COMMON_PATHS} of the page's site one after the other (politely: through the
     * fetcher and its per-host gap) and stops at the first that is a readable feed.
     *
     * @param skip feeds already known, not fetched again
     * @return the feed found, or empty when no common path is a feed
     */
    public Optional<FeedLink> probe(URI pageUrl, List<FeedLink> skip) {
        for (URI candidate : commonPaths(pageUrl)) {
            if (skip.stream().anyMatch(f -> f.url().equals(candidate))) continue;
            if (readsAsFeed(candidate)) {
                return Optional.of(new FeedLink(candidate, "", candidate.getPath() + " answered with a feed"));
            }
            if (Thread.currentThread().isInterrupted()) break;
        }
        return Optional.empty();
    }

    /** Whether the URL answers with a feed the extractor reads (any failure means no). */
    public boolean readsAsFeed(URI url) {
        try {
            return fetcher.fetch(url, Validators.NONE) instanceof FetchResult.Fetched fetched
                    && !feeds.extract(fetched.page()).items().isEmpty();
        } catch (FetchException | ExtractException e) {
            return false;
        }
    }

    static List<URI> commonPaths(URI pageUrl) {
        List<URI> paths = new ArrayList<>();
        for (String path : COMMON_PATHS) {
            uri(pageUrl.getScheme() + "://" + pageUrl.getRawAuthority() + path).ifPresent(paths::add);
        }
        return paths;
    }

    private static Optional<URI> uri(String text) {
        if (text.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
