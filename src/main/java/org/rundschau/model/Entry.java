package org.rundschau.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored item as it is published: what the store returns and the publishers render. Keep the
 * record's own {@code toString}, which names every component: the republisher fingerprints a
 * feed's entries by it to tell whether the feed must be rendered again.
 *
 * @param entryId   the Atom entry id, fixed when the item was first stored
 * @param published first date known for the item (source date, else first-seen time)
 * @param updated   last material change of title or summary (equal to published until then)
 * @param alsoAt    further origins of the same story: items of other sources that the store
 *                  recognised as duplicates of this entry, oldest first (may be empty)
 */
public record Entry(String entryId, String sourceId, String region, String title, String summary,
                    boolean summaryIsHtml, String link, Instant published, Instant updated, List<Origin> alsoAt) {
    public Entry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
        alsoAt = List.copyOf(alsoAt);
    }

    /** An entry with no further origins. */
    public Entry(String entryId, String sourceId, String region, String title, String summary,
                 boolean summaryIsHtml, String link, Instant published, Instant updated) {
        this(entryId, sourceId, region, title, summary, summaryIsHtml, link, published, updated, List.of());
    }

    /**
     * Another source that carried the same story.
     *
     * @param sourceId the configured source id
     * @param link     the story's canonical link at that source, or "" when it had none
     */
    public record Origin(String sourceId, String link) {
        public Origin {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(link, "link");
        }
    }
}
