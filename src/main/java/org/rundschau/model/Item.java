package org.rundschau.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A normalised item, ready to store.
 *
 * @param sourceId  the configured source id
 * @param key       identity within the source (see {@code normalize.ItemKeys}); never changes for
 *                  the same story
 * @param guid      the source's own guid, or ""
 * @param published the item's date from the source; when {@code dated} is false this is the
 *                  fetch time, and the store keeps the first one it saw
 * @param dated     whether {@code published} came from the source
 * @param region    canonical region name, or "" when none is known
 * @param title     clean headline without a region prefix
 * @param summary   clean summary: plain text, or sanitised HTML when {@code summaryIsHtml}
 * @param link      absolute, canonical link, or "" when the item has none
 */
public record Item(String sourceId, String key, String guid, Instant published, boolean dated,
                   String region, String title, String summary, boolean summaryIsHtml, String link) {
    public Item {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(link, "link");
        if (key.isBlank()) throw new IllegalArgumentException("item key is blank for source " + sourceId);
    }

    public boolean hasRegion() {
        return !region.isEmpty();
    }
}
