package org.rundschau.bench;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated source as the loopback server serves it.
 *
 * @param id          the source id, also the file's base name
 * @param kind        the markup or feed format
 * @param urlPath     the path it is served under, e.g. {@code /s12.html}
 * @param file        where its bytes are
 * @param contentType the Content-Type header sent with it
 * @param charset     the charset its bytes are written in
 * @param validators  whether the server sends ETag and Last-Modified and answers 304 to them;
 *                    without, every fetch gets the identical body again
 */
public record SyntheticSite(String id, Kind kind, String urlPath, Path file, String contentType,
                            Charset charset, boolean validators) {

    /** The markups and feed formats the corpus mixes. */
    public enum Kind {
        /** {@code article.news} with {@code h2 a}, {@code time[datetime]} and {@code p.teaser}. */
        HTML_ARTICLE,
        /** {@code ul.meldungen > li} with {@code a}, {@code span.date} and {@code span.text}. */
        HTML_LIST,
        /** {@code div.teaser} with {@code h3}, "mehr..." link and the date inside the teaser. */
        HTML_TEASER,
        /** {@code table.liste tr.row} with cells for title, written-out date and text. */
        HTML_TABLE,
        RSS,
        ATOM;

        public boolean isHtml() {
            return this != RSS && this != ATOM;
        }
    }

    public SyntheticSite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urlPath, "urlPath");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(charset, "charset");
        if (!urlPath.startsWith("/")) throw new IllegalArgumentException("urlPath must start with /: " + urlPath);
    }

    /** The charset named in the Content-Type header, if any (a bare parser would be told it). */
    public Optional<String> headerCharset() {
        int at = contentType.indexOf("charset=");
        return at < 0 ? Optional.empty() : Optional.of(contentType.substring(at + "charset=".length()).strip());
    }
}
