package org.rundschau.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;

/**
 * Renders the combined feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), byte for
 * byte the same for the same input.
 *
 * <ul>
 *   <li>Feed: the required {@code version}, {@code title} and {@code items}; {@code home_page_url}
 *       and {@code feed_url} when they are known as absolute URLs ({@code feed.link}, {@code
 *       feed.self}), {@code language}, {@code authors} (the feed title, as in Atom), and {@code
 *       hubs} with the WebSub hub when one is configured.</li>
 *   <li>Item: the required {@code id} (the Atom entry id), {@code url} when the entry has a web
 *       link, {@code title} as in Atom, {@code content_html} or {@code content_text} (one is
 *       required; an entry without summary has an empty {@code content_text}), {@code
 *       date_published} and {@code date_modified} (RFC 3339), {@code authors} with the source's
 *       name, and the region as the one {@code tags} value.</li>
 * </ul>
 */
public final class JsonFeedPublisher {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final String language;

    /** @param language the feed's {@code language}, an RFC 3066 tag such as "de" */
    public JsonFeedPublisher(String language) {
        this.language = AtomPublisher.checkLanguage(language);
    }

    /** This publisher for feeds in {@code language} (itself when it already is). */
    public JsonFeedPublisher withLanguage(String language) {
        return this.language.equals(language) ? this : new JsonFeedPublisher(language);
    }

    /** The combined feed with {@code entries} in their order, each id once. */
    byte[] renderBytes(FeedLayout layout, List<Entry> entries, FeedConfig feed, Map<String, SourceConfig> sources) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("title", feed.title());
        layout.publicHome().ifPresent(url -> json.put("home_page_url", url));
        layout.publicUrl(FeedLayout.COMBINED_JSON).ifPresent(url -> json.put("feed_url", url));
        json.put("language", language);
        json.put("authors", List.of(Map.of("name", feed.title())));
        if (!feed.hub().isEmpty()) {
            json.put("hubs", List.of(hub(feed.hub())));
        }
        List<Object> items = new ArrayList<>();
        for (Entry entry : AtomPublisher.firstDistinct(entries, Integer.MAX_VALUE)) {
            Optional<SourceConfig> source = Optional.ofNullable(sources.get(entry.sourceId()));
            Map<String, Object> item = item(entry, source);
            AtomPublisher.entryLanguage(source, language).ifPresent(tag -> item.put("language", tag));
            items.add(item);
        }
        json.put("items", items);
        return JsonText.of(json);
    }

    private static Map<String, Object> hub(String url) {
        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("type", "WebSub");
        hub.put("url", url);
        return hub;
    }

    private static Map<String, Object> item(Entry entry, Optional<SourceConfig> source) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entry.entryId());
        AtomPublisher.webLink(entry.link()).ifPresent(url -> item.put("url", url));
        item.put("title", AtomPublisher.headline(entry));
        String summary = XmlChars.text(entry.summary()).isBlank() ? "" : entry.summary();
        item.put(entry.summaryIsHtml() && !summary.isEmpty() ? "content_html" : "content_text", summary);
        item.put("date_published", AtomPublisher.rfc3339(entry.published()));
        item.put("date_modified", AtomPublisher.rfc3339(entry.updated()));
        source.ifPresent(s -> item.put("authors", List.of(Map.of("name", s.name()))));
        if (!entry.region().isBlank()) {
            item.put("tags", List.of(entry.region()));
        }
        return item;
    }
}
