package org.rundschau.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.rundschau.model.FileErrors;

/**
 * Reads the feeds of an OPML file (the subscription list feed readers export): every
 * {@code <outline>} with an {@code xmlUrl}, at any depth (folders are flattened), in file order.
 */
public final class OpmlFile {
    /**
     * @param title the outline's {@code title}, else its {@code text}, else ""
     */
    public record Feed(String title, URI url) {
        public Feed {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }

    /** What the file holds: the readable feeds, and one line per outline that could not be used. */
    public record Contents(List<Feed> feeds, List<String> skipped) {
        public Contents {
            feeds = List.copyOf(feeds);
            skipped = List.copyOf(skipped);
        }
    }

    private OpmlFile() {
    }

    /** @throws ConfigException when the file cannot be read or is not OPML; the message names the file */
    public static Contents read(Path file) throws ConfigException {
        Document document;
        try {
            // No charset given: Jsoup reads a byte order mark or the XML declaration, else UTF-8.
            document = Jsoup.parse(file.toFile(), null, "", Parser.xmlParser());
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + FileErrors.reason(e, file)));
        }
        if (document.selectFirst("opml") == null) {
            throw new ConfigException(List.of(file + ": not an OPML file (no <opml> element)"));
        }
        List<Feed> feeds = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Element outline : document.select("outline[xmlUrl]")) {
            String title = outline.attr("title").strip();
            if (title.isEmpty()) title = outline.attr("text").strip();
            String url = outline.attr("xmlUrl").strip();
            try {
                URI uri = new URI(url);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    skipped.add("'" + title + "': not an http(s) URL: " + url);
                } else {
                    feeds.add(new Feed(title, uri));
                }
            } catch (URISyntaxException e) {
                skipped.add("'" + title + "': not a valid URL: " + url);
            }
        }
        return new Contents(feeds, skipped);
    }
}
