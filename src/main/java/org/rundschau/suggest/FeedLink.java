package org.rundschau.suggest;

import java.net.URI;
import java.util.Objects;

/**
 * A feed a page offers.
 *
 * @param url     the feed's absolute URL
 * @param title   its title as the page names it, or ""
 * @param foundBy how it was found, for the admin: {@code <link rel="alternate">}, {@code /feed answered}
 */
public record FeedLink(URI url, String title, String foundBy) {
    public FeedLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(foundBy, "foundBy");
    }
}
