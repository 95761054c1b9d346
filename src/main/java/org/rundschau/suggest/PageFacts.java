package org.rundschau.suggest;

import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.rundschau.extract.HtmlDocuments;
import org.rundschau.model.Page;

/**
 * What a page says about itself: its title, its declared language and the feeds it declares.
 *
 * @param title    the {@code <title>}, whitespace collapsed, or ""
 * @param language the {@code <html lang>} tag, or ""
 * @param feeds    the feeds declared with {@code <link rel="alternate">}, in page order
 */
public record PageFacts(String title, String language, List<FeedLink> feeds) {
    public PageFacts {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        feeds = List.copyOf(feeds);
    }

    public static PageFacts of(Page page) {
        Document document = HtmlDocuments.parse(page);
        return new PageFacts(document.title().strip(), document.select("html").attr("lang").strip(),
                FeedFinder.declared(document));
    }
}
