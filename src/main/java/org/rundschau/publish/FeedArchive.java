package org.rundschau.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the combined feed's entries are cut into archive pages (RFC 5005 section 4).
 *
 * <p>Every stored entry has a sequence number (1, 2, 3, ... in the order it was stored; see the
 * store). Page {@code n} holds the entries numbered {@code (n-1)*pageSize + 1} to {@code
 * n*pageSize}. A page is full once an entry with a higher number exists: no entry can join it
 * afterwards, so it is written once and never changed. The entries of the page not yet full are
 * in the current feed document, which therefore, together with the archive pages, holds every
 * entry ever stored.
 *
 * <p>The page size decides which entry is on which page: changing it for an existing output
 * folder would leave written pages inconsistent with new ones. It is a constant of the build,
 * not a setting.
 */
public final class FeedArchive {
    /** The page size Rundschau publishes with. */
    public static final int PAGE_SIZE = 50;

    private final int pageSize;

    public FeedArchive(int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("archive page size must be >= 1: " + pageSize);
        this.pageSize = pageSize;
    }

    /** How many pages are full when the last stored entry has sequence number {@code lastSequence}. */
    public int fullPages(long lastSequence) {
        return Math.toIntExact(lastSequence / pageSize);
    }

    /** The sequence number after which page {@code number} begins (its entries are numbered above it). */
    public long firstAfter(int number) {
        return (long) (number - 1) * pageSize;
    }

    /** The sequence number of the last entry of page {@code number}. */
    public long last(int number) {
        return (long) number * pageSize;
    }

    /** The sequence number after which the entries not yet on a full page begin. */
    public long unarchivedAfter(int fullPages) {
        return (long) fullPages * pageSize;
    }

    /** The full pages, 1 to {@code fullPages}, that have no file under {@code output} yet. */
    public List<Integer> missingPages(Path output, int fullPages) {
        List<Integer> missing = new ArrayList<>();
        for (int page = 1; page <= fullPages; page++) {
            if (!Files.exists(output.resolve(FeedLayout.archivePage(page)))) missing.add(page);
        }
        return missing;
    }
}
