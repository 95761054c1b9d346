package org.rundschau.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rundschau.config.FeedConfig;
import org.rundschau.config.SourceConfig;

/**
 * Where each document of a publication lives, and how the documents name and link each other.
 *
 * <p>Paths are relative to the output folder, with {@code /} between folders:
 * <pre>
 * feed.atom  feed.rss  feed.json        the combined feed, in three formats
 * archive/1.atom, archive/2.atom, ...   the combined feed's archive (RFC 5005), oldest first
 * region/&lt;slug&gt;.atom                   one feed per region ({@link RegionSlugs})
 * source/&lt;id&gt;.atom                     one feed per configured source
 * index.html  region/&lt;slug&gt;.html  source/&lt;id&gt;.html    the web pages the feeds name as alternate
 * </pre>
 *
 * <p>Links: when {@code feed.self} is configured, every href is absolute, made from the folder of
 * {@code feed.self} (the combined feed's own self link is {@code feed.self} as written). Without it
 * the documents link each other with relative references, which a reader resolves against the
 * address it fetched the document from (RFC 4287 section 2, RFC 3986 section 5).
 *
 * <p>Ids: the combined feed and its archive documents share {@code feed.id}, since they are parts of
 * one logical feed; a region's feed has {@code feed.id + "/region/" + slug}; a source's feed has
 * {@link AtomPublisher#sourceId}, the id its entries carry in {@code atom:source}.
 */
public final class FeedLayout {
    public static final String COMBINED_ATOM = "feed.atom";
    public static final String COMBINED_RSS = "feed.rss";
    public static final String COMBINED_JSON = "feed.json";
    public static final String HOME_PAGE = "index.html";
    public static final String REGION_FOLDER = "region";
    public static final String SOURCE_FOLDER = "source";
    public static final String ARCHIVE_FOLDER = "archive";

    static final String ATOM_TYPE = "application/atom+xml";
    static final String HTML_TYPE = "text/html";

    private final FeedConfig feed;
    private final Optional<URI> base;

    /** @throws IllegalArgumentException when {@code feed.self()} is set but not an absolute http(s) URL */
    public FeedLayout(FeedConfig feed) {
        this.feed = feed;
        this.base = feed.self().isEmpty() ? Optional.empty() : Optional.of(folderOf(feed.self()));
    }

    public static String regionFeed(String slug) {
        return REGION_FOLDER + "/" + slug + ".atom";
    }

    public static String regionPage(String slug) {
        return REGION_FOLDER + "/" + slug + ".html";
    }

    public static String sourceFeed(String sourceId) {
        return SOURCE_FOLDER + "/" + sourceId + ".atom";
    }

    public static String sourcePage(String sourceId) {
        return SOURCE_FOLDER + "/" + sourceId + ".html";
    }

    /** Archive page {@code number}, counted from 1 for the oldest. */
    public static String archivePage(int number) {
        if (number < 1) throw new IllegalArgumentException("archive pages count from 1: " + number);
        return ARCHIVE_FOLDER + "/" + number + ".atom";
    }

    /** The href by which the document at {@code from} links to the document at {@code path}. */
    public String href(String path, String from) {
        if (path.equals(COMBINED_ATOM) && !feed.self().isEmpty()) {
            return feed.self();
        }
        return base.map(b -> b.resolve(path).toString()).orElseGet(() -> relative(path, from));
    }

    /** The absolute public URL of {@code path}; empty when {@code feed.self} is not configured. */
    public Optional<String> publicUrl(String path) {
        return base.map(b -> href(path, path));
    }

    /** The web page of the combined feed, as linked from {@code from}: {@code feed.link}, else index.html. */
    public String home(String from) {
        return feed.link().isEmpty() ? href(HOME_PAGE, from) : feed.link();
    }

    /** The web page of the combined feed as an absolute URL; empty when neither link nor self is set. */
    public Optional<String> publicHome() {
        return feed.link().isEmpty() ? publicUrl(HOME_PAGE) : Optional.of(feed.link());
    }

    AtomHead combinedHead(int archivePages) {
        List<AtomHead.Link> links = new ArrayList<>(List.of(
                new AtomHead.Link("self", href(COMBINED_ATOM, COMBINED_ATOM), ATOM_TYPE),
                new AtomHead.Link("alternate", home(COMBINED_ATOM), HTML_TYPE)));
        if (!feed.hub().isEmpty()) {
            links.add(new AtomHead.Link("hub", feed.hub(), ""));
        }
        if (archivePages > 0) {
            links.add(new AtomHead.Link("prev-archive", href(archivePage(archivePages), COMBINED_ATOM), ATOM_TYPE));
        }
        return new AtomHead(feed.id(), feed.title(), links, false);
    }

    /**
     * Archive page {@code number}. It has no {@code next-archive} link: the page is written once, when
     * it is full, before the next page exists, and is never changed afterwards (RFC 5005 makes the
     * link a SHOULD; readers catch up by walking {@code prev-archive} from the current feed).
     */
    AtomHead archiveHead(int number) {
        String path = archivePage(number);
        List<AtomHead.Link> links = new ArrayList<>(List.of(
                new AtomHead.Link("self", href(path, path), ATOM_TYPE),
                new AtomHead.Link("alternate", home(path), HTML_TYPE),
                new AtomHead.Link("current", href(COMBINED_ATOM, path), ATOM_TYPE)));
        if (number > 1) {
            links.add(new AtomHead.Link("prev-archive", href(archivePage(number - 1), path), ATOM_TYPE));
        }
        return new AtomHead(feed.id(), feed.title(), links, true);
    }

    AtomHead regionHead(String region, String slug) {
        String path = regionFeed(slug);
        return new AtomHead(feed.id() + "/region/" + slug, feed.title() + " – " + region, List.of(
                new AtomHead.Link("self", href(path, path), ATOM_TYPE),
                new AtomHead.Link("alternate", href(regionPage(slug), path), HTML_TYPE)), false);
    }

    AtomHead sourceHead(SourceConfig source) {
        String path = sourceFeed(source.id());
        return new AtomHead(AtomPublisher.sourceId(feed, source.id()), feed.title() + " – " + source.name(), List.of(
                new AtomHead.Link("self", href(path, path), ATOM_TYPE),
                new AtomHead.Link("alternate", href(sourcePage(source.id()), path), HTML_TYPE)), false);
    }

    /** {@code path} as seen from the folder of {@code from}: {@code region/a.atom} → {@code ../feed.atom}. */
    static String relative(String path, String from) {
        List<String> target = Arrays.asList(path.split("/"));
        List<String> origin = Arrays.asList(from.split("/"));
        List<String> originFolders = origin.subList(0, origin.size() - 1);
        int common = 0;
        while (common < originFolders.size() && common < target.size() - 1
                && originFolders.get(common).equals(target.get(common))) {
            common++;
        }
        return "../".repeat(originFolders.size() - common) + String.join("/", target.subList(common, target.size()));
    }

    private static URI folderOf(String self) {
        try {
            URI uri = new URI(self);
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            if (!web || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("feed.self must be an absolute http(s) URL: " + self);
            }
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                return new URI(uri.getScheme(), uri.getRawAuthority(), "/", null, null);
            }
            return uri.resolve(".");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("feed.self must be an absolute http(s) URL: " + self, e);
        }
    }
}
