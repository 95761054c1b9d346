package org.rundschau.refresh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;
import org.rundschau.publish.FairShare;
import org.rundschau.publish.FeedArchive;
import org.rundschau.publish.FeedContent;
import org.rundschau.publish.FeedLayout;
import org.rundschau.publish.FeedPublisher;
import org.rundschau.publish.HubNotifier;
import org.rundschau.publish.Publication;
import org.rundschau.publish.RegionSlugs;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.store.Database;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;

/**
 * Writes the published documents from what the store holds: reads the store, lets each publisher
 * add its documents to one {@link Publication}, writes it, and tells the WebSub hub when the
 * combined feed changed. Reads nothing from the network.
 */
public final class Republisher {
    private static final List<String> COMBINED =
            List.of(FeedLayout.COMBINED_ATOM, FeedLayout.COMBINED_RSS, FeedLayout.COMBINED_JSON);
    /** Region pages reach back this many entries (or feed.entries, if more), the index as far as the feed. */
    static final int PAGE_WINDOW = 1000;

    private final ItemStore items;
    private final SourceStatusStore statuses;
    private final FeedPublisher feeds;
    private final FeedArchive archive;
    private final HubNotifier hub;
    private final PagePublisher pages;
    private final OpmlPublisher opml;
    private final Database database;

    /** A republisher for a store that one process writes: publications need no lock. */
    public Republisher(ItemStore items, SourceStatusStore statuses, FeedPublisher feeds, FeedArchive archive,
                       HubNotifier hub, PagePublisher pages, OpmlPublisher opml) {
        this(items, statuses, feeds, archive, hub, pages, opml, null);
    }

    /**
     * @param database the store's database: on PostgreSQL, shared by cluster nodes, each
     *                 publication holds its cluster-wide publishing lock, so one node publishes at
     *                 a time, and reads the store only once it holds the lock
     */
    public Republisher(ItemStore items, SourceStatusStore statuses, FeedPublisher feeds, FeedArchive archive,
                       HubNotifier hub, PagePublisher pages, OpmlPublisher opml, Database database) {
        this.database = database;
        this.items = items;
        this.statuses = statuses;
        this.feeds = feeds;
        this.archive = archive;
        this.hub = hub;
        this.pages = pages;
        this.opml = opml;
    }

    /** The result of one publication: where the combined feed is and whether its bytes changed. */
    public record Published(Path combinedFeed, int entries, boolean changed) {}

    /**
     * @param config the configuration in force (it may have been reloaded since the last call)
     * @throws IOException when a document cannot be written; the hub is then not told
     */
    public Published publish(AppConfig config) throws StoreException, IOException {
        if (database == null) return publishNow(config);
        return database.exclusively(Database.PUBLISH_LOCK, "publish the feeds", () -> publishNow(config));
    }

    private Published publishNow(AppConfig config) throws StoreException, IOException {
        Map<String, SourceConfig> sources = config.sources().stream()
                .collect(Collectors.toMap(SourceConfig::id, Function.identity()));
        FeedContent content = feedContent(config);
        Publication publication = new Publication();
        feeds.addTo(publication, content, config.feed(), sources);
        Publication.Result written = publication.writeTo(config.output());
        writePages(config);
        announce(config.feed(), written);
        return new Published(config.output().resolve(FeedLayout.COMBINED_ATOM), content.combined().size(),
                written.changed(FeedLayout.COMBINED_ATOM));
    }

    /** What the feeds show, read from the store. */
    private FeedContent feedContent(AppConfig config) throws StoreException {
        FeedConfig feed = config.feed();
        int archivePages = archive.fullPages(items.lastSequence());
        List<Entry> candidates = new ArrayList<>(items.newest(feed.entries()));
        candidates.addAll(items.newestOfEachSource(feed.perSource()));
        List<Entry> fair = FairShare.select(candidates, feed.entries(), feed.perSource());
        List<Entry> unarchived = items.inSequence(archive.unarchivedAfter(archivePages), Long.MAX_VALUE);
        return new FeedContent(FairShare.union(fair, unarchived), archivePages,
                newArchivePages(config.output(), archivePages), regionFeeds(feed), sourceFeeds(config));
    }

    private List<FeedContent.ArchivePage> newArchivePages(Path output, int archivePages) throws StoreException {
        List<FeedContent.ArchivePage> pages = new ArrayList<>();
        for (int page : archive.missingPages(output, archivePages)) {
            pages.add(new FeedContent.ArchivePage(page, items.inSequence(archive.firstAfter(page), archive.last(page))));
        }
        return pages;
    }

    private List<FeedContent.RegionFeed> regionFeeds(FeedConfig feed) throws StoreException {
        List<FeedContent.RegionFeed> regions = new ArrayList<>();
        for (Map.Entry<String, String> region : RegionSlugs.assign(items.regions()).all().entrySet()) {
            regions.add(new FeedContent.RegionFeed(region.getKey(), region.getValue(),
                    items.newestInRegion(region.getKey(), feed.entries())));
        }
        return regions;
    }

    private List<FeedContent.SourceFeed> sourceFeeds(AppConfig config) throws StoreException {
        List<FeedContent.SourceFeed> sources = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            sources.add(new FeedContent.SourceFeed(source, items.newestOfSource(source.id(), config.feed().entries())));
        }
        return sources;
    }

    /** Tells the configured hub about each combined document whose bytes changed. */
    private void announce(FeedConfig feed, Publication.Result written) {
        if (feed.hub().isEmpty()) {
            return;
        }
        FeedLayout layout = new FeedLayout(feed);
        List<String> changed = COMBINED.stream().filter(written::changed).map(layout::publicUrl)
                .flatMap(Optional::stream).toList();
        if (!changed.isEmpty()) {
            hub.announce(feed.hub(), changed);
        }
    }

    /** index.html, region/<slug>.html and sources.opml; the index shows the sources' current health. */
    private void writePages(AppConfig config) throws StoreException, IOException {
        pages.write(config, items.newest(Math.max(PAGE_WINDOW, config.feed().entries())), statuses.all(),
                RegionSlugs.assign(items.regions()));
        opml.write(config);
    }
}
