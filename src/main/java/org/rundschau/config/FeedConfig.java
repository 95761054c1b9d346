package org.rundschau.config;

import java.util.Objects;

/**
 * The combined feed's identity.
 *
 * @param id      stable Atom id; never changes once published
 * @param self    the public URL of feed.atom, or "" when not configured
 * @param entries how many of the newest entries the combined feed holds
 */
public record FeedConfig(String title, String id, String self, int entries) {
    public FeedConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(self, "self");
        if (entries < 1) throw new IllegalArgumentException("feed.entries must be at least 1: " + entries);
    }
}
