package org.rundschau.config;

import java.util.Objects;

/**
 * The CSS selectors of an HTML source. {@code item} is applied to the document, every other
 * selector inside one item element (first match). Optional selectors are {@link Selector#NONE}.
 *
 * @param time the time of day, for pages that show it apart from the date (read after the date)
 */
public record SelectorRules(Selector item, Selector title, Selector link, Selector date,
                            Selector summary, Selector region, Selector time) {
    /** Rules without a separate time selector. */
    public SelectorRules(Selector item, Selector title, Selector link, Selector date, Selector summary,
                         Selector region) {
        this(item, title, link, date, summary, region, Selector.NONE);
    }

    public SelectorRules {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(time, "time");
        if (!item.isPresent()) throw new IllegalArgumentException("the item selector is required");
    }
}
