package org.rundschau.model;

import java.util.Objects;

/**
 * One item as an extractor found it, before normalisation. Every field is the text as found
 * (entities decoded by the parser, whitespace not yet cleaned); "" means the source had none.
 *
 * @param guid          the feed's guid/id when the source declares one trustworthy for identity
 *                      (RSS guid, Atom id); "" for HTML sources
 * @param title         headline text
 * @param link          the item's link, already absolute where the extractor could resolve it
 * @param date          the date as written in the source (or ISO-8601 when a parser already read it)
 * @param summary       teaser text, or HTML when {@code summaryIsHtml}
 * @param summaryIsHtml whether {@code summary} is an HTML fragment
 * @param region        region text from a region selector, or ""
 */
public record RawItem(String guid, String title, String link, String date, String summary,
                      boolean summaryIsHtml, String region) {
    public RawItem {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(region, "region");
    }
}
