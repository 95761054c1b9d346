package org.rundschau.config;

import java.util.Objects;

/**
 * The published feeds' identity and shape.
 *
 * @param id        stable Atom id; never changes once published
 * @param self      the public URL of feed.atom, or "" when not configured; the other documents are
 *                  published next to it, in the same folders as in the output folder
 * @param entries   how many of the newest entries the combined feed holds (each region's and each
 *                  source's feed too)
 * @param link      the public web page of the feed (rel="alternate"), or "" for {@code index.html}
 *                  next to feed.atom
 * @param perSource how many of the combined feed's places one source is guaranteed before the
 *                  remaining places go to the newest entries of any source
 * @param hub       a WebSub hub told about every change of the combined feed, or "" for none; needs
 *                  {@code self}, the address the hub announces
 */
public record FeedConfig(String title, String id, String self, int entries, String link, int perSource,
                         String hub) {
    public FeedConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(hub, "hub");
        if (entries < 1) throw new IllegalArgumentException("feed.entries must be at least 1: " + entries);
        if (perSource < 1) throw new IllegalArgumentException("feed.per-source must be at least 1: " + perSource);
        if (!hub.isEmpty() && self.isEmpty()) {
            throw new IllegalArgumentException("feed.hub needs feed.self, the address the hub announces: " + hub);
        }
    }

    /** A feed without web page, fair share or hub: every place goes to the newest entries. */
    public FeedConfig(String title, String id, String self, int entries) {
        this(title, id, self, entries, "", entries, "");
    }
}
