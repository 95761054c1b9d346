package org.rundschau.model;

/**
 * How the store numbers its entries for the feed archive (RFC 5005): what the store reads and the
 * archive cuts pages by.
 *
 * @param legacyPages   archive pages that were full, cut by item sequence number in equal ranges,
 *                      when the store was upgraded to schema version 13; 0 for a store created
 *                      since. Their entries have no entry number
 * @param legacyLastSeq the sequence number those pages end at (0 without them)
 * @param lastEntry     the highest entry number given so far, 0 before the first; numbers are never
 *                      given twice, also when the entry that had one was pruned
 */
public record ArchiveLayout(int legacyPages, long legacyLastSeq, long lastEntry) {
    public ArchiveLayout {
        if (legacyPages < 0 || legacyLastSeq < 0 || lastEntry < 0 || (legacyPages == 0) != (legacyLastSeq == 0)
                || legacyPages > 0 && legacyLastSeq % legacyPages != 0) {
            throw new IllegalArgumentException("inconsistent archive layout: " + legacyPages
                    + " legacy pages up to sequence number " + legacyLastSeq + ", last entry " + lastEntry);
        }
    }

    /** A store created with entry numbers, whose last entry has number {@code lastEntry}. */
    public static ArchiveLayout of(long lastEntry) {
        return new ArchiveLayout(0, 0, lastEntry);
    }
}
