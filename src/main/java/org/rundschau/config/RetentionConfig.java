package org.rundschau.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long stored items are kept ({@code retention:} in the config). A pruned item leaves a
 * tombstone, so that it never comes back as new.
 *
 * @param maxAge       items published longer ago than this are pruned; {@link Duration#ZERO}: no age limit
 * @param maxPerSource of each source, only this many newest items are kept; 0: no count limit
 */
public record RetentionConfig(Duration maxAge, int maxPerSource) {
    /** No age limit (an archive keeps old stories; feeds show the newest anyway), 10,000 items per source. */
    public static final RetentionConfig DEFAULTS = new RetentionConfig(Duration.ZERO, 10_000);
    /** Keeps everything. */
    public static final RetentionConfig KEEP_ALL = new RetentionConfig(Duration.ZERO, 0);

    public RetentionConfig {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) throw new IllegalArgumentException("retention.max-age must not be negative: " + maxAge);
        if (maxPerSource < 0) {
            throw new IllegalArgumentException("retention.max-per-source must not be negative: " + maxPerSource);
        }
    }

    public boolean limitsAge() {
        return !maxAge.isZero();
    }

    public boolean limitsCount() {
        return maxPerSource > 0;
    }
}
