package org.rundschau.config;

import java.util.Objects;

/**
 * The CSS selectors of an HTML source. {@code item} is applied to the document, every other
 * selector inside one item element (first match). Optional selectors are {@link Selector#NONE}.
 */
public record SelectorRules(Selector item, Selector title, Selector link, Selector date,
                            Selector summary, Selector region) {
    public SelectorRules {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(region, "region");
        if (!item.isPresent()) throw new IllegalArgumentException("the item selector is required");
    }
}
