package org.rundschau.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rundschau.config.AppConfig;
import org.rundschau.config.SourceConfig;
import org.rundschau.model.Entry;
import org.rundschau.model.SourceStatus;

/**
 * Writes the HTML pages: {@code index.html} with the newest entries grouped by day, every region and
 * every source with its health, one page per region, {@code region/<slug>.html}, and one per
 * configured source, {@code source/<id>.html} (added to the feeds' {@link Publication}, see
 * {@link #addSourcePages}). Pages are written atomically and only when their bytes change (see
 * {@link AtomicFile}); they contain no time of writing, so an unchanged store gives unchanged pages.
 *
 * <p>The pages show entries only: a failing source's error text appears in its health line and never
 * as an entry. A region page that no longer has entries in the window given is left in place (a
 * bookmark keeps working), but no longer linked; so is the page of a source removed from the config.
 * Once such a page's feed is gone (the feeds of a removed source, or of a region no entry has any
 * more, are removed), the page is changed once: its links to that feed are taken out and a line
 * says why ({@link #retireOrphans}), so that neither a reader nor a feed reader's discovery follows
 * a link to a missing file.
 */
public final class PagePublisher {
    /** The main page, in the output folder. */
    public static final String INDEX = "index.html";

    /**
     * @param entries  newest first and without repeated entry ids, as the store returns them. The index
     *                 shows the first {@code feed.entries()} of them; each region page shows up to as many
     *                 of its region, so pass more entries than that for region pages that reach further back
     * @param statuses stored health per source; a configured source without one is shown as not fetched yet
     * @return the files that were written because their content changed, region pages first, the index last
     * @throws IOException when a page cannot be written
     */
    public List<Path> write(AppConfig config, List<Entry> entries, List<SourceStatus> statuses) throws IOException {
        List<String> names = distinct(entries).stream().map(Entry::region).filter(r -> !r.isBlank()).distinct().toList();
        return write(config, entries, statuses, RegionSlugs.assign(names));
    }

    /**
     * As {@link #write(AppConfig, List, List)}, with the region file names the feeds use, so that a
     * region feed's {@code alternate} link and its page agree even when two regions share a plain slug.
     */
    public List<Path> write(AppConfig config, List<Entry> entries, List<SourceStatus> statuses, RegionSlugs slugs)
            throws IOException {
        PageRenderer renderer = new PageRenderer(config, slugs);
        int limit = config.feed().entries();
        List<Entry> distinct = distinct(entries);
        List<Region> regions = regions(distinct, limit, Collator.getInstance(config.locale()), slugs);
        List<Path> written = new ArrayList<>();
        for (Region region : regions) {
            write(config.output().resolve("region").resolve(region.slug() + ".html"), renderer.region(region, regions),
                    written);
        }
        Set<String> current = new HashSet<>();
        regions.forEach(r -> current.add(FeedLayout.regionPage(r.slug())));
        config.sources().forEach(source -> current.add(FeedLayout.sourcePage(source.id())));
        retireOrphans(config.output(), current, PageText.of(config.locale()), written);
        // Last, so the index never links to a region page not written yet.
        write(config.output().resolve(INDEX),
                renderer.index(distinct.subList(0, Math.min(limit, distinct.size())), regions, statuses), written);
        return written;
    }

    /**
     * Adds the page of each source, {@code source/<id>.html}, to {@code publication}: the entries of
     * the source's feed (the page is that feed's {@code alternate}), in the feed's order. A page whose
     * path {@code render} refuses is {@linkplain Publication#keep kept} as its file is: the caller
     * knows its rendering would not change it.
     *
     * @param slugs the region file names the feeds use, for the entries' links to their region pages
     */
    public void addSourcePages(Publication publication, AppConfig config, List<FeedContent.SourceFeed> sources,
                               RegionSlugs slugs, Predicate<String> render) {
        PageRenderer renderer = new PageRenderer(config, slugs);
        for (FeedContent.SourceFeed feed : sources) {
            SourceConfig source = feed.source();
            String path = FeedLayout.sourcePage(source.id());
            if (!render.test(path)) publication.keep(path);
            else publication.add(path, renderer.source(source, distinct(feed.entries())).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The region and source pages whose feed ({@code <same name>.atom} beside them) is gone: each
     * loses its links to the feed ({@code <link rel="alternate">}, the feed's line) and gets a line
     * saying why, under its heading. A page without such a link is left as it is, so this changes
     * a page once. Run after the feeds of the publication are written.
     *
     * @param current the pages of this publication's regions and configured sources (output-relative
     *                paths): never retired, whatever the folder holds
     */
    private static void retireOrphans(Path output, Set<String> current, PageText words, List<Path> written)
            throws IOException {
        for (String folder : List.of(FeedLayout.REGION_FOLDER, FeedLayout.SOURCE_FOLDER)) {
            Path dir = output.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            List<Path> pages;
            try (Stream<Path> files = Files.list(dir)) {
                pages = files.filter(f -> f.getFileName().toString().endsWith(".html")).sorted().toList();
            }
            for (Path page : pages) {
                String name = page.getFileName().toString();
                String feed = name.substring(0, name.length() - ".html".length()) + ".atom";
                if (current.contains(folder + "/" + name) || Files.exists(dir.resolve(feed))) continue;
                String html = Files.readString(page, StandardCharsets.UTF_8);
                if (!html.contains(feed + "\"")) continue;
                String note = folder.equals(FeedLayout.SOURCE_FOLDER) ? words.sourceRetired() : words.regionRetired();
                write(page, withoutFeed(html, folder + "/" + feed, note), written);
            }
        }
    }

    /** @param feed the feed's path in the output folder, such as {@code source/gone.atom} */
    private static String withoutFeed(String html, String feed, String note) {
        Document page = Jsoup.parse(html);
        page.outputSettings().prettyPrint(false);
        String file = feed.substring(feed.indexOf('/') + 1);
        for (Element link : page.select("[href]")) {
            String href = link.attr("href");
            // relative beside the page, or absolute when feed.self is set
            if (!href.equals(file) && !href.endsWith("/" + feed)) continue;
            Element nav = link.closest("nav");
            if (nav == null) {
                link.remove();
            } else {
                keepOnly(nav, nav.select("a[href]").stream().filter(a -> a != link).toList());
            }
        }
        Element heading = page.selectFirst("h1");
        Element line = new Element("p").addClass("retired").text(note);
        if (heading != null) heading.after(line);
        else page.body().prependChild(line);
        return page.outerHtml();
    }

    /**
     * Leaves in {@code nav} only {@code links}, as the renderer separates them; a nav left without
     * a link goes. A feed's line ("Feed of this source: Atom · https://…") keeps the source's site.
     */
    private static void keepOnly(Element nav, List<Element> links) {
        if (links.isEmpty()) {
            nav.remove();
            return;
        }
        nav.empty();
        for (int i = 0; i < links.size(); i++) {
            if (i > 0) nav.appendText(" · ");
            nav.appendChild(links.get(i));
        }
    }

    private static void write(Path file, String page, List<Path> written) throws IOException {
        if (new AtomicFile(file).replaceIfChanged(page.getBytes(StandardCharsets.UTF_8))) {
            written.add(file);
        }
    }

    private static List<Entry> distinct(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        return entries.stream().filter(e -> ids.add(e.entryId())).toList();
    }

    /**
     * Entries grouped by the slug of their region (one page per region feed); the page takes the
     * spelling of its newest entry. Sorted by name in the feed's language.
     */
    static List<Region> regions(List<Entry> entries, int limit, Collator collator, RegionSlugs slugs) {
        Map<String, List<Entry>> bySlug = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.region().isBlank()) continue;
            List<Entry> region = bySlug.computeIfAbsent(slugs.slugOrPlain(entry.region()), slug -> new ArrayList<>());
            if (region.size() < limit) region.add(entry);
        }
        return bySlug.entrySet().stream()
                .map(e -> new Region(e.getKey(), e.getValue().get(0).region().strip(), e.getValue()))
                .sorted(Comparator.comparing(Region::name, collator).thenComparing(Region::slug))
                .toList();
    }
}
