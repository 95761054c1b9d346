package org.rundschau.store;

import java.util.List;
import org.rundschau.model.SourceStatus;

/** Health and cache validators per source. */
public final class SourceStatusStore {

    public SourceStatusStore(Database db) {
    }

    /** @return the stored status, or {@link SourceStatus#never} for a source not seen yet */
    public SourceStatus load(String sourceId) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    public void save(SourceStatus status) throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }

    public List<SourceStatus> all() throws StoreException {
        throw new UnsupportedOperationException("TODO");
    }
}
