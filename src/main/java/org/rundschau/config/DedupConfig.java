package org.rundschau.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How Rundschau recognises one story reaching it twice ({@code dedup:} in the config).
 *
 * @param threshold       similarity (above 0, at most 1) from which an item of one source counts as the same
 *                        story as an entry of another source; see {@code store.Similarity}
 * @param window          only items whose dates lie at most this far apart are compared for similarity
 * @param firstFetchLimit how many of its newest items a source that has nothing stored yet puts into the
 *                        feed; the rest are stored as known and never published (0: none)
 */
public record DedupConfig(double threshold, Duration window, int firstFetchLimit) {
    public static final DedupConfig DEFAULTS = new DedupConfig(0.8, Duration.ofDays(3), 10);

    public DedupConfig {
        Objects.requireNonNull(window, "window");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("dedup.threshold must be above 0 and at most 1: " + threshold);
        }
        if (window.isNegative()) throw new IllegalArgumentException("dedup.window must not be negative: " + window);
        if (firstFetchLimit < 0) {
            throw new IllegalArgumentException("dedup.first-fetch-limit must not be negative: " + firstFetchLimit);
        }
    }
}
