package org.rundschau.store;

/**
 * What storing one source's items changed.
 *
 * @param added     items stored for the first time, including those counted in {@code merged} and
 *                  {@code heldBack}
 * @param updated   stored items whose content changed materially
 * @param unchanged stored items seen again without a material change (a new link alone included)
 * @param merged    of the added, those recognised as a story another source already brought: they
 *                  join that entry instead of becoming entries
 * @param heldBack  of the added, those stored as known on their source's first fetch and never published
 * @param gone      items not stored because they were pruned before or are older than the retention age
 */
public record StoreResult(int added, int updated, int unchanged, int merged, int heldBack, int gone) {
    public static final StoreResult NOTHING = new StoreResult(0, 0, 0, 0, 0, 0);

    /** A result with nothing merged, held back or gone. */
    public StoreResult(int added, int updated, int unchanged) {
        this(added, updated, unchanged, 0, 0, 0);
    }

    public StoreResult plus(StoreResult other) {
        return new StoreResult(added + other.added, updated + other.updated, unchanged + other.unchanged,
                merged + other.merged, heldBack + other.heldBack, gone + other.gone);
    }

    /** How many of the added items became entries of their own in the feed. */
    public int published() {
        return added - merged - heldBack;
    }
}
