package org.rundschau.suggest;

import java.util.List;
import java.util.Objects;
import org.rundschau.config.SelectorRules;
import org.rundschau.model.RawItem;

/**
 * One list of items the finder found on a page, with the selectors that read it, checked by running
 * the extractor with them.
 *
 * @param rules      the selectors, ready for a source's {@code html:} block
 * @param items      what the extractor reads with them, in page order
 * @param dated      how many items have a date the date parser reads
 * @param summarised how many items have a teaser
 * @param score      how much the list looks like news (more is better; only for ranking)
 */
public record Candidate(SelectorRules rules, List<RawItem> items, int dated, int summarised, double score) {
    public Candidate {
        Objects.requireNonNull(rules, "rules");
        items = List.copyOf(items);
    }
}
