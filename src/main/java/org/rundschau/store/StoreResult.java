package org.rundschau.store;

/** What storing one source's items changed. */
public record StoreResult(int added, int updated, int unchanged) {
    public static final StoreResult NOTHING = new StoreResult(0, 0, 0);

    public StoreResult plus(StoreResult other) {
        return new StoreResult(added + other.added, updated + other.updated, unchanged + other.unchanged);
    }
}
