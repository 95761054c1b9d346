package org.rundschau.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;

/**
 * Renders every feed of a publication ({@link FeedLayout} lists them) and adds them to it: the
 * combined feed as Atom, RSS 2.0 and JSON Feed 1.1 with its new archive pages, one Atom feed per
 * region and one per source.
 *
 * <p>Order of writing: archive pages first, then the region and source feeds, then the combined
 * feed, so a reader never finds a link to a document not yet written. Region and source feeds
 * that are no longer part of the publication are removed.
 */
public final class FeedPublisher {
    private final AtomPublisher atom;
    private final RssPublisher rss;
    private final JsonFeedPublisher json;

    public FeedPublisher(AtomPublisher atom, RssPublisher rss, JsonFeedPublisher json) {
        this.atom = Objects.requireNonNull(atom, "atom");
        this.rss = Objects.requireNonNull(rss, "rss");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * These publishers for feeds in {@code language}, an RFC 3066 tag such as "de" or "en-GB": the
     * config's {@code locale}, which may change while {@code run} runs.
     */
    public FeedPublisher withLanguage(String language) {
        AtomPublisher a = atom.withLanguage(language);
        RssPublisher r = rss.withLanguage(language);
        JsonFeedPublisher j = json.withLanguage(language);
        return a == atom && r == rss && j == json ? this : new FeedPublisher(a, r, j);
    }

    /**
     * @param sources configured sources by id, for each entry's origin
     * @throws IllegalArgumentException when {@code feed.self()} is set but not an absolute http(s) URL
     */
    public void addTo(Publication publication, FeedContent content, FeedConfig feed,
                      Map<String, SourceConfig> sources) {
        addTo(publication, content, feed, sources, path -> true);
    }

    /**
     * As {@link #addTo(Publication, FeedContent, FeedConfig, Map)}, rendering only the region and
     * source feeds that {@code render} accepts (by path): the others are {@linkplain
     * Publication#keep kept} as their files are, because the caller knows their rendering would
     * not change them. The combined feed and new archive pages are always rendered.
     */
    public void addTo(Publication publication, FeedContent content, FeedConfig feed,
                      Map<String, SourceConfig> sources, Predicate<String> render) {
        FeedLayout layout = new FeedLayout(feed);
        addArchivePages(publication, content.newArchivePages(), feed, sources, content.whenEmpty());
        for (FeedContent.RegionFeed region : content.regions()) {
            String path = FeedLayout.regionFeed(region.slug());
            if (!render.test(path)) publication.keep(path);
            else publication.add(path,
                    atom.renderBytes(layout.regionHead(region.region(), region.slug()), region.entries(), feed, sources,
                            content.whenEmpty()));
        }
        for (FeedContent.SourceFeed source : content.sources()) {
            String path = FeedLayout.sourceFeed(source.source().id());
            if (!render.test(path)) publication.keep(path);
            else publication.add(path, atom.forSource(source.source()).renderBytes(layout.sourceHead(source.source()),
                    source.entries(), feed, sources, content.whenEmpty()));
        }
        publication.prune(FeedLayout.REGION_FOLDER, ".atom");
        publication.prune(FeedLayout.SOURCE_FOLDER, ".atom");
        publication.add(FeedLayout.COMBINED_RSS, rss.renderBytes(layout, content.combined(), feed, sources));
        publication.add(FeedLayout.COMBINED_JSON, json.renderBytes(layout, content.combined(), feed, sources));
        publication.add(FeedLayout.COMBINED_ATOM,
                atom.renderBytes(layout.combinedHead(content.archivePages()), content.combined(), feed, sources,
                        content.whenEmpty()));
    }

    /**
     * Adds archive pages alone, each to be written only where no file is yet: a publication of many
     * pages can be cut into several, written one after the other before the feeds that link them.
     *
     * @param whenEmpty the {@code updated} of a page without entries (all of its items held back or
     *                  merged into other entries); see {@link FeedContent#whenEmpty}
     */
    public void addArchivePages(Publication publication, List<FeedContent.ArchivePage> pages, FeedConfig feed,
                                Map<String, SourceConfig> sources, Instant whenEmpty) {
        FeedLayout layout = new FeedLayout(feed);
        for (FeedContent.ArchivePage page : pages) {
            publication.addOnce(FeedLayout.archivePage(page.number()),
                    atom.renderBytes(layout.archiveHead(page.number()), newestFirst(page), feed, sources, whenEmpty));
        }
    }

    private static List<Entry> newestFirst(FeedContent.ArchivePage page) {
        return page.entries().stream().sorted(FairShare.NEWEST_FIRST).toList();
    }
}
