package org.rundschau.extract;

import org.rundschau.config.SelectorRules;
import org.rundschau.model.Extraction;
import org.rundschau.model.Page;

/** Reads items from an HTML listing page with the source's CSS selectors. Thread-safe. */
public final class HtmlExtractor {

    /**
     * @throws ExtractException when the item selector matches nothing (the site probably changed
     *                          its markup; the caller records a source error instead of publishing nothing)
     */
    public Extraction extract(Page page, SelectorRules rules) throws ExtractException {
        throw new UnsupportedOperationException("TODO");
    }
}
