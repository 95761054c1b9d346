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
import org.rundschau.store.ItemStore;
import org.rundschau.store.StoreException;

/** Writes the published feeds from what the store holds. Reads nothing from the network. */
public final class Republisher {
    private final ItemStore items;
    private final AtomPublisher atom;

    public Republisher(ItemStore items, AtomPublisher atom) {
        this.items = items;
        this.atom = atom;
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
        return new Published(combined, newest.size(), changed);
    }
}
