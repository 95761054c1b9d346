package org.rundschau.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;

/**
 * Everything the feeds of one publication show, as read from the store.
 *
 * @param combined        the combined feed's entries, newest first: the fair share of the newest
 *                        and every entry not yet on a full archive page
 * @param archivePages    how many archive pages are full (the current feed links the last of them)
 * @param newArchivePages the full archive pages that have no file yet, to be written once
 * @param regions         one feed per region, in the order the regions first appeared
 * @param sources         one feed per configured source, in config order
 * @param whenEmpty       the {@code updated} of a document without entries: a fixed instant (the
 *                        store's creation), so that an empty feed is as stable as any other
 */
public record FeedContent(List<Entry> combined, int archivePages, List<ArchivePage> newArchivePages,
                          List<RegionFeed> regions, List<SourceFeed> sources, Instant whenEmpty) {
    public FeedContent {
        Objects.requireNonNull(whenEmpty, "whenEmpty");
        combined = List.copyOf(combined);
        newArchivePages = List.copyOf(newArchivePages);
        regions = List.copyOf(regions);
        sources = List.copyOf(sources);
        if (archivePages < 0) throw new IllegalArgumentException("archivePages must be >= 0: " + archivePages);
        for (ArchivePage page : newArchivePages) {
            if (page.number() > archivePages) {
                throw new IllegalArgumentException("archive page " + page.number() + " is not full; "
                        + archivePages + " are");
            }
        }
    }

    /** Archive page {@code number} (from 1, oldest first) with its entries. */
    public record ArchivePage(int number, List<Entry> entries) {
        public ArchivePage {
            if (number < 1) throw new IllegalArgumentException("archive pages count from 1: " + number);
            entries = List.copyOf(entries);
        }
    }

    /** The newest entries of one region, and the slug its file names are made from. */
    public record RegionFeed(String region, String slug, List<Entry> entries) {
        public RegionFeed {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(slug, "slug");
            entries = List.copyOf(entries);
        }
    }

    /** The newest entries of one configured source. */
    public record SourceFeed(SourceConfig source, List<Entry> entries) {
        public SourceFeed {
            Objects.requireNonNull(source, "source");
            entries = List.copyOf(entries);
        }
    }
}
