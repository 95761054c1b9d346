package org.rundschau.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored item as it is published: what the store returns and the publishers render.
 *
 * @param entryId   the Atom entry id, fixed when the item was first stored
 * @param published first date known for the item (source date, else first-seen time)
 * @param updated   last material change of title or summary (equal to published until then)
 */
public record Entry(String entryId, String sourceId, String region, String title, String summary,
                    boolean summaryIsHtml, String link, Instant published, Instant updated) {
    public Entry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
    }
}
