package org.rundschau.serve;

import java.util.Locale;
import java.util.Map;

/** The Content-Type of a published file, by its extension. Everything Rundschau writes is UTF-8. */
final class ContentTypes {
    static final String FALLBACK = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("atom", "application/atom+xml; charset=utf-8"),
            Map.entry("rss", "application/rss+xml; charset=utf-8"),
            // JSON Feed 1.1: "application/feed+json" is the MIME type for JSON Feed documents.
            Map.entry("json", "application/feed+json; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("opml", "text/x-opml; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("xsl", "application/xslt+xml; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"));

    private ContentTypes() {
    }

    /** The type for {@code fileName}; {@link #FALLBACK} for an unknown extension. */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, FALLBACK);
    }

    /** Whether gzip makes {@code contentType} smaller: text, XML, JSON and SVG; not images or unknown bytes. */
    static boolean compressible(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("xml") || contentType.contains("json");
    }
}
