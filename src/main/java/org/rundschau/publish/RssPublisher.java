package org.rundschau.publish;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;

/**
 * Renders the combined feed as RSS 2.0 (https://www.rssboard.org/rss-specification) for readers
 * that prefer it, byte for byte the same for the same input.
 *
 * <ul>
 *   <li>Channel: the required {@code title}, {@code link} (the feed's web page) and {@code
 *       description} (the title again: the config has no other), then {@code language}, {@code
 *       lastBuildDate} (the newest entry's {@code updated}, never the time of writing), {@code
 *       generator}, {@code docs}, and {@code atom:link} for {@code self} and {@code hub} (the
 *       RSS Advisory Board's practice, since RSS has no element for either).</li>
 *   <li>Item: {@code title} as in Atom ("Region: Title"), {@code link} when the entry has a web
 *       link, {@code description} (RSS descriptions are HTML, so a plain-text summary is escaped
 *       once more to show as written), {@code category} with the region, {@code guid
 *       isPermaLink="false"} = the Atom entry id, {@code pubDate} (RFC 822), and {@code source}
 *       naming the origin with its Rundschau feed when {@code feed.self} gives it an address.</li>
 * </ul>
 */
public final class RssPublisher {
    static final String DOCS = "https://www.rssboard.org/rss-specification";
    static final String RSS_TYPE = "application/rss+xml";
    // RFC 822 with a four-digit year (RFC 1123), English names, numeric zone.
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss '+0000'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String language;
    private final Generator generator;

    /**
     * @param language  the channel's {@code language}, an RFC 3066 tag such as "de"
     * @param generator named in {@code generator}
     */
    public RssPublisher(String language, Generator generator) {
        this.language = AtomPublisher.checkLanguage(language);
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** This publisher for channels in {@code language} (itself when it already is). */
    public RssPublisher withLanguage(String language) {
        return this.language.equals(language) ? this : new RssPublisher(language, generator);
    }

    /** The combined feed with {@code entries} in their order, each id once. */
    byte[] renderBytes(FeedLayout layout, List<Entry> entries, FeedConfig feed, Map<String, SourceConfig> sources) {
        List<Entry> shown = AtomPublisher.firstDistinct(entries, Integer.MAX_VALUE);
        IndentedXml xml = new IndentedXml("rss").rootAttribute("version", "2.0")
                .declare("atom", AtomPublisher.ATOM_NAMESPACE);
        xml.open("channel");
        writeChannel(xml, layout, feed, shown);
        for (Entry entry : shown) {
            writeItem(xml, entry, layout, feed, Optional.ofNullable(sources.get(entry.sourceId())));
        }
        xml.close();
        return xml.finish();
    }

    private void writeChannel(IndentedXml xml, FeedLayout layout, FeedConfig feed, List<Entry> shown) {
        String rss = FeedLayout.COMBINED_RSS;
        xml.text("title", feed.title());
        xml.text("link", layout.publicHome().orElse(layout.home(rss)));
        xml.text("description", feed.title());
        xml.text("language", language);
        if (!shown.isEmpty()) {
            xml.text("lastBuildDate", rfc822(AtomPublisher.newestUpdated(shown, AtomPublisher.EMPTY_FEED_UPDATED).truncatedTo(ChronoUnit.SECONDS)));
        }
        xml.text("generator", generator.version().isEmpty() ? generator.name() : generator.name() + " " + generator.version());
        xml.text("docs", DOCS);
        xml.emptyIn("atom", AtomPublisher.ATOM_NAMESPACE, "link",
                "rel", "self", "type", RSS_TYPE, "href", layout.href(rss, rss));
        if (!feed.hub().isEmpty()) {
            xml.emptyIn("atom", AtomPublisher.ATOM_NAMESPACE, "link", "rel", "hub", "href", feed.hub());
        }
    }

    private static void writeItem(IndentedXml xml, Entry entry, FeedLayout layout, FeedConfig feed,
                                  Optional<SourceConfig> source) {
        xml.open("item");
        xml.text("title", AtomPublisher.headline(entry));
        AtomPublisher.webLink(entry.link()).ifPresent(href -> xml.text("link", href));
        if (!XmlChars.text(entry.summary()).isBlank()) {
            xml.text("description", entry.summaryIsHtml() ? entry.summary() : escapeHtml(entry.summary()));
        }
        if (!entry.region().isBlank()) {
            xml.text("category", entry.region(), "domain", AtomPublisher.regionScheme(feed));
        }
        xml.text("guid", entry.entryId(), "isPermaLink", "false");
        xml.text("pubDate", rfc822(entry.published()));
        source.ifPresent(s -> layout.publicUrl(FeedLayout.sourceFeed(s.id()))
                .ifPresent(url -> xml.text("source", s.name(), "url", url)));
        xml.close();
    }

    static String rfc822(java.time.Instant instant) {
        return RFC_822.format(instant);
    }

    /** Plain text as HTML that shows it as written. */
    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
