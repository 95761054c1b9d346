package org.rundschau.model;

import java.util.List;
import java.util.Objects;

/**
 * What an extractor found on one page.
 *
 * @param items    the items in document order
 * @param language the document's declared language ({@code <html lang>}, {@code xml:lang},
 *                 RSS {@code <language>}), or "" when it declares none; a hint for date parsing
 */
public record Extraction(List<RawItem> items, String language) {
    public Extraction {
        items = List.copyOf(items);
        Objects.requireNonNull(language, "language");
    }
}
