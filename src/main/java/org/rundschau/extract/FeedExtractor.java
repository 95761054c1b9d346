package org.rundschau.extract;

import org.rundschau.model.Extraction;
import org.rundschau.model.Page;

/** Reads items from RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with Rome. Thread-safe. */
public final class FeedExtractor {

    /** @throws ExtractException when the document is not a readable RSS/Atom feed */
    public Extraction extract(Page page) throws ExtractException {
        throw new UnsupportedOperationException("TODO");
    }
}
