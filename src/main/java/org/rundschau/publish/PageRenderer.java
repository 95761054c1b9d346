package org.rundschau.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.rundschau.config.AppConfig;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.SourceStatus;

/**
 * Renders the HTML pages of one publication: plain HTML5 with an inline style sheet, readable on a
 * phone, no script. Every piece of text from a source passes through {@link Html}, which escapes it.
 * Links are relative, so the pages work from any web server path and straight from the disk.
 */
final class PageRenderer {
    private final FeedConfig feed;
    private final ZoneId zone;
    private final Locale locale;
    private final PageText words;
    private final List<SourceConfig> sources;
    private final Map<String, SourceConfig> sourcesById;
    private final RegionSlugs slugs;
    private final DateTimeFormatter dayHeading;
    private final DateTimeFormatter moment;

    PageRenderer(AppConfig config, RegionSlugs slugs) {
        this.slugs = slugs;
        this.feed = config.feed();
        this.zone = config.timezone();
        this.locale = config.locale();
        this.words = PageText.of(locale);
        this.sources = config.sources();
        this.sourcesById = sources.stream().collect(Collectors.toMap(SourceConfig::id, Function.identity()));
        this.dayHeading = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        this.moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    }

    /** {@code index.html}: the newest entries by day, every region, every source with its health. */
    String index(List<Entry> newest, List<Region> regions, List<SourceStatus> statuses) {
        Html html = head(feed.title(), "", List.of());
        html.open("header").newLine();
        html.element("h1", feed.title()).newLine();
        feedLinks(html);
        html.close().newLine();
        html.open("main").newLine();
        entries(html, newest, "");
        html.close().newLine();
        regionList(html, regions, "");
        new HealthSection(words, moment.withZone(zone)).write(html, sources, statuses);
        return footer(html);
    }

    /** {@code region/<slug>.html}: the newest entries of one region, then the list of regions. */
    String region(Region region, List<Region> regions) {
        Html html = head(region.name() + " – " + feed.title(), "../",
                List.of(feed.title() + " – " + region.name() + " (Atom)", region.slug() + ".atom"));
        html.open("header").newLine();
        html.open("p").element("a", "← " + words.allEntries() + ": " + feed.title(), "href", "../index.html").close()
                .newLine();
        html.element("h1", region.name()).newLine();
        html.open("nav", "aria-label", words.feeds());
        html.text(words.regionFeed() + ": ").element("a", "Atom", "href", region.slug() + ".atom");
        html.close().newLine();
        html.close().newLine();
        html.open("main").newLine();
        entries(html, region.entries(), "../");
        html.close().newLine();
        regionList(html, regions, "../");
        return footer(html);
    }

    /**
     * {@code source/<id>.html}: the entries of one source's feed, its feed and its web site. It shows
     * nothing but the source's entries and settings (no region list, no health), so it changes only
     * when they do.
     */
    String source(SourceConfig source, List<Entry> entries) {
        Html html = head(source.name() + " – " + feed.title(), "../",
                List.of(feed.title() + " – " + source.name() + " (Atom)", source.id() + ".atom"));
        html.open("header").newLine();
        html.open("p").element("a", "← " + words.allEntries() + ": " + feed.title(), "href", "../index.html").close()
                .newLine();
        html.element("h1", source.name()).newLine();
        html.open("nav", "aria-label", words.feeds());
        html.text(words.sourceFeed() + ": ").element("a", "Atom", "href", source.id() + ".atom");
        webLink(source.url().toString()).ifPresent(href -> html.text(" · ").element("a", href, "href", href));
        html.close().newLine();
        html.close().newLine();
        html.open("main").newLine();
        entries(html, entries, "../");
        html.close().newLine();
        return footer(html);
    }

    /** @param ownFeed title and href of the page's own Atom feed, advertised before the combined ones; or empty */
    private Html head(String title, String root, List<String> ownFeed) {
        Html html = new Html(locale.toLanguageTag()).newLine();
        html.open("head").newLine();
        html.empty("meta", "charset", "utf-8").newLine();
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newLine();
        html.element("title", title).newLine();
        if (!ownFeed.isEmpty()) {
            alternate(html, "application/atom+xml", ownFeed.get(0), ownFeed.get(1));
        }
        alternate(html, "application/atom+xml", feed.title() + " (Atom)", root + "feed.atom");
        alternate(html, "application/rss+xml", feed.title() + " (RSS)", root + "feed.rss");
        alternate(html, "application/feed+json", feed.title() + " (JSON Feed)", root + "feed.json");
        html.style(PageStyle.CSS).newLine();
        html.close().newLine();
        html.open("body").newLine();
        return html;
    }

    private static void alternate(Html html, String type, String title, String href) {
        html.empty("link", "rel", "alternate", "type", type, "title", title, "href", href).newLine();
    }

    private void feedLinks(Html html) {
        html.open("nav", "aria-label", words.feeds());
        html.text(words.feeds() + ": ");
        html.element("a", "Atom", "href", "feed.atom").text(" · ");
        html.element("a", "RSS", "href", "feed.rss").text(" · ");
        html.element("a", "JSON Feed", "href", "feed.json").text(" · ");
        html.element("a", words.opml(), "href", "sources.opml");
        html.close().newLine();
    }

    /** Entries newest first under one heading per day in the feed's time zone. */
    private void entries(Html html, List<Entry> entries, String root) {
        if (entries.isEmpty()) {
            html.element("p", words.noEntries()).newLine();
            return;
        }
        LocalDate day = null;
        for (Entry entry : entries) {
            LocalDate date = entry.published().atZone(zone).toLocalDate();
            if (!date.equals(day)) {
                if (day != null) html.close().newLine();
                html.open("section", "class", "day").newLine();
                html.element("h2", dayHeading.format(date)).newLine();
                day = date;
            }
            entry(html, entry, root);
        }
        html.close().newLine();
    }

    private void entry(Html html, Entry entry, String root) {
        html.open("article").newLine();
        html.open("p", "class", "meta");
        ZonedDateTime local = entry.published().atZone(zone);
        // A date without a time is stored as local midnight: showing "00:00" would invent a time.
        boolean hasTime = !local.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (hasTime) {
            html.element("time", String.format(Locale.ROOT, "%tR", local), "datetime",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.truncatedTo(ChronoUnit.SECONDS)));
            html.text(" · ");
        }
        if (!entry.region().isBlank()) {
            html.element("a", entry.region(), "class", "region",
                    "href", root + "region/" + slugs.slugOrPlain(entry.region()) + ".html");
            html.text(" · ");
        }
        html.element("span", sourceName(entry.sourceId()), "class", "source");
        html.close().newLine();
        Optional<String> link = webLink(entry.link());
        if (link.isPresent()) {
            html.open("h3").element("a", entry.title(), "href", link.get()).close().newLine();
        } else {
            html.element("h3", entry.title()).newLine();
        }
        String summary = entry.summaryIsHtml() ? Jsoup.parseBodyFragment(entry.summary()).text() : entry.summary();
        if (!summary.isBlank()) {
            html.element("p", summary.strip(), "class", "summary").newLine();
        }
        html.close().newLine();
    }

    private void regionList(Html html, List<Region> regions, String root) {
        if (regions.isEmpty()) return;
        html.open("section", "id", "regions").newLine();
        html.element("h2", words.regions()).newLine();
        html.open("ul", "class", "regions").newLine();
        for (Region region : regions) {
            html.open("li");
            html.element("a", region.name(), "href", root + "region/" + region.slug() + ".html");
            html.text(" ").element("a", "Atom", "class", "feed", "href", root + "region/" + region.slug() + ".atom",
                    "title", words.regionFeed() + ": " + region.name());
            html.close().newLine();
        }
        html.close().newLine();
        html.close().newLine();
    }

    private String footer(Html html) {
        html.element("footer", words.generatedBy()).newLine();
        html.close().newLine();
        return html.finish();
    }

    private String sourceName(String sourceId) {
        SourceConfig source = sourcesById.get(sourceId);
        return source == null ? sourceId : source.name();
    }

    /** {@code href} when it is an absolute http(s) URL: never a {@code javascript:} or relative link from a page. */
    static Optional<String> webLink(String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            return web && uri.getRawAuthority() != null ? Optional.of(href) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
