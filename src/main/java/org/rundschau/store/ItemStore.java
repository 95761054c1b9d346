package org.rundschau.store;

import java.time.Instant;
import java.util.List;
import org.rundschau.model.Entry;
import org.rundschau.model.Item;

/** Items by identity, with first-seen time and content hash. */
public final class ItemStore {

    /**
     * @param entryIdBase prefix for new entries' Atom ids, e.g. {@code tag:news.example.org,2026:};
     *                    an entry keeps the id it was given when first stored
     */
    public ItemStore(Database db, String entryIdBase) {
    }

    /** Upserts one source's items in one transaction. */
    public StoreResult save(String sourceId, List<Item> items, Instant seenAt) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The newest entries over all sources, newest first. */
    public List<Entry> newest(int limit) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }
}
