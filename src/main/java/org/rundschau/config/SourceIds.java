package org.rundschau.config;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes source ids ({@code [a-z0-9-]+}, see {@link SourceConfig#ID}) from what an admin has at
 * hand: a feed's title when importing OPML, a site's host name when suggesting selectors.
 */
public final class SourceIds {
    static final int MAX_LENGTH = 40;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private SourceIds() {
    }

    /**
     * {@code "Behörden Spiegel – News"} → {@code behoerden-spiegel-news}: German umlauts and ß
     * spelled out, other accents dropped, every other run of characters a single '-'.
     *
     * @return the slug, or "" when the text has no letter or digit
     */
    public static String slug(String text) {
        String spelled = text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "").replaceAll("-+$", "");
        }
        return slug;
    }

    /**
     * {@code https://www.kommune21.de/} → {@code kommune21}; {@code news.ycombinator.com} → {@code
     * news-ycombinator}; an address keeps all its parts: {@code 127.0.0.1} → {@code 127-0-0-1},
     * {@code [::1]} → {@code ipv6-1}.
     */
    public static String fromHost(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(host).matches()) return slug(host);
        if (host.startsWith("[")) return "ipv6-" + slug(host);
        host = host.replaceFirst("^www\\d*\\.", "");
        int lastDot = host.lastIndexOf('.');
        String name = lastDot > 0 ? host.substring(0, lastDot) : host;
        String slug = slug(name);
        return slug.isEmpty() ? "source" : slug;
    }

    /**
     * @param base  a valid id, or "" (then {@code source} is used)
     * @param taken ids already in use
     * @return {@code base} when free, else {@code base-2}, {@code base-3}, …
     */
    public static String unique(String base, Set<String> taken) {
        String stem = base.isEmpty() ? "source" : base;
        if (!taken.contains(stem)) return stem;
        for (int n = 2; ; n++) {
            String candidate = stem + "-" + n;
            if (!taken.contains(candidate)) return candidate;
        }
    }
}
