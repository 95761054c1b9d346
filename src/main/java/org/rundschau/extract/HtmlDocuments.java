package org.rundschau.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rundschau.model.Page;

/**
 * Parses a fetched HTML page exactly as {@link HtmlExtractor} does: decoded by {@link HtmlCharset}
 * (BOM, header, meta prescan, UTF-8 check, windows-1252) and with the page's final URL as base URI,
 * so that a tool looking at the page (the selector finder, {@code check}'s diagnostics) sees the
 * same document the extractor will.
 */
public final class HtmlDocuments {
    private HtmlDocuments() {
    }

    /** @return the parsed document; never fails (Jsoup repairs any markup) */
    public static Document parse(Page page) {
        return Jsoup.parse(HtmlCharset.decode(page.body(), page.contentType()), page.url().toString());
    }
}
