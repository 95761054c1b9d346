package org.rundschau.refresh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;
import org.rundschau.publish.AtomPublisher;
import org.rundschau.publish.OpmlPublisher;
import org.rundschau.publish.PagePublisher;
import org.rundschau.store.ItemStore;
import org.rundschau.store.SourceStatusStore;
import org.rundschau.store.StoreException;

/** Writes the published feeds from what the store holds. Reads nothing from the network. */
public final class Republisher {
    /** Region pages reach back this many entries (or feed.entries, if more), the index as far as the feed. */
    static final int PAGE_WINDOW = 1000;

    private final ItemStore items;
    private final SourceStatusStore statuses;
    private final AtomPublisher atom;
    private final PagePublisher pages;
    private final OpmlPublisher opml;

    public Republisher(ItemStore items, SourceStatusStore statuses, AtomPublisher atom, PagePublisher pages,
                       OpmlPublisher opml) {
        this.items = items;
        this.statuses = statuses;
        this.atom = atom;
        this.pages = pages;
        this.opml = opml;
    }

    /** The result of one publication: where the combined feed is and whether its bytes changed. */
    public record Published(Path combinedFeed, int entries, boolean changed) {}

    /**
     * @param config the configuration in force (it may have been reloaded since the last call)
     */
    public Published publish(AppConfig config) throws StoreException, IOException {
        Map<String, SourceConfig> sourcesById = config.sources().stream()
                .collect(Collectors.toMap(SourceConfig::id, Function.identity()));
        List<Entry> newest = items.newest(config.feed().entries());
        Path combined = config.output().resolve("feed.atom");
        boolean changed = atom.write(newest, config.feed(), sourcesById, combined);
        writePages(config);
        return new Published(combined, newest.size(), changed);
    }

    /** index.html, region/<slug>.html and sources.opml; the index shows the sources' current health. */
    private void writePages(AppConfig config) throws StoreException, IOException {
        pages.write(config, items.newest(Math.max(PAGE_WINDOW, config.feed().entries())), statuses.all());
        opml.write(config);
    }
}
