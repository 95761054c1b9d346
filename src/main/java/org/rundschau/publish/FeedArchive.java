package org.rundschau.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rundschau.model.ArchiveLayout;

/**
 * How the combined feed's entries are cut into archive pages (RFC 5005 section 4).
 *
 * <p>Every stored entry has an entry number (1, 2, 3, ... in the order it was stored, counting
 * entries only: not the items held back on a first fetch, nor those that joined another source's
 * entry; see the store). Page {@code n} holds the entries numbered {@code (n-1)*pageSize + 1} to
 * {@code n*pageSize}: every full page holds exactly {@code pageSize} entries as it is written
 * (fewer only when entries on it are pruned later). A page is full once its last number has been
 * given: no entry can join it afterwards, so it is written once and never changed. The entries of
 * the page not yet full are in the current feed document, which therefore, together with the
 * archive pages, holds every entry ever stored.
 *
 * <p>A store upgraded from before entry numbers (schema version 13) may have had full pages cut by
 * the items' sequence numbers, holding fewer entries or none. Those {@linkplain ArchiveLayout#legacyPages
 * legacy pages} keep their cut, so that they never change; the pages by entry number follow them:
 * page {@code legacyPages + k} holds the entries numbered {@code (k-1)*pageSize + 1} to
 * {@code k*pageSize}.
 *
 * <p>The page size decides which entry is on which page: changing it for an existing output
 * folder would leave written pages inconsistent with new ones. It is a constant of the build,
 * not a setting.
 */
public final class FeedArchive {
    /** The page size Rundschau publishes with (and published its legacy pages with). */
    public static final int PAGE_SIZE = 50;

    private final int pageSize;

    public FeedArchive(int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("archive page size must be >= 1: " + pageSize);
        this.pageSize = pageSize;
    }

    /** Which entries a page holds: {@code after < number <= upTo}, of sequence numbers or of entry numbers. */
    public sealed interface Range {
        long after();

        long upTo();

        /** The entries with {@code after < sequence number <= upTo}: a legacy page. */
        record BySequence(long after, long upTo) implements Range {}

        /** The entries with {@code after < entry number <= upTo}. */
        record ByEntryNumber(long after, long upTo) implements Range {}
    }

    /** How many pages are full. */
    public int fullPages(ArchiveLayout layout) {
        return Math.addExact(layout.legacyPages(), Math.toIntExact(layout.lastEntry() / pageSize));
    }

    /** The entries of page {@code number} (1 for the first). */
    public Range page(int number, ArchiveLayout layout) {
        if (number < 1) throw new IllegalArgumentException("archive pages are numbered from 1: " + number);
        if (number <= layout.legacyPages()) {
            long size = layout.legacyLastSeq() / layout.legacyPages();
            return new Range.BySequence((number - 1) * size, number * size);
        }
        long k = number - layout.legacyPages();
        return new Range.ByEntryNumber((k - 1) * pageSize, k * pageSize);
    }

    /** The entry number after which the entries not yet on a full page begin. */
    public long unarchivedAfter(ArchiveLayout layout) {
        return (long) (fullPages(layout) - layout.legacyPages()) * pageSize;
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
