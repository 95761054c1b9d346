package org.rundschau.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes the links and image sources of a feed's HTML summary absolute. Republished in another
 * feed, a relative reference would point at the aggregator instead of the source.
 *
 * <p>The base is the xml:base the document declares for the summary (RFC 4287 section 2, XML
 * Base); without one, the item's own link, because summaries are excerpts of the article page and
 * written relative to it; without a link, the feed's URL.
 */
final class SummaryLinks {
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src");

    private SummaryLinks() {
    }

    static URI base(EntryMarkup markup, String itemLink) {
        if (markup.baseDeclared()) return markup.summaryBase();
        return webUrl(itemLink).orElse(markup.summaryBase());
    }

    /** @return the fragment with every resolvable href and src absolute; other markup unchanged */
    static String absolute(String html, URI base) {
        Document document = Jsoup.parseBodyFragment(html, base.toString());
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().select("[href], [src]")) {
            for (String attribute : URL_ATTRIBUTES) {
                String absolute = element.hasAttr(attribute) ? element.absUrl(attribute) : "";
                if (!absolute.isEmpty()) element.attr(attribute, absolute);
            }
        }
        return document.body().html();
    }

    private static Optional<URI> webUrl(String link) {
        try {
            URI uri = new URI(link);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();   // not a URL: the document's base is the best there is
        }
    }
}
