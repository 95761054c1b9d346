package org.rundschau.normalize;

import java.time.Instant;
import java.util.Objects;

/**
 * TEMPORARY stand-in: the real record comes from the {@code dates} branch and replaces this file.
 *
 * @param instant the parsed point in time
 * @param hasTime whether the text carried a time of day
 * @param format  the pattern that matched (for diagnostics)
 */
public record ParsedDate(Instant instant, boolean hasTime, String format) {
    public ParsedDate {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(format, "format");
    }
}
