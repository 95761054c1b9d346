package org.rundschau.normalize;

import java.time.Instant;
import java.util.Optional;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Item;
import org.rundschau.model.RawItem;

/** Turns raw items into clean, identified items: date, region, title, summary, link. Thread-safe. */
public final class Normalizer {

    /**
     * @param language the page's declared language, "" if none (a hint when the source sets no locale)
     * @return empty when the raw item has nothing publishable (neither title nor link nor summary)
     */
    public Optional<Item> normalize(RawItem raw, SourceConfig source, String language, Instant fetchedAt) {
        throw new UnsupportedOperationException("TODO");
    }
}
