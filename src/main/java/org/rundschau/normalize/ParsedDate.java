package org.rundschau.normalize;

import java.time.Instant;
import java.util.Objects;

/**
 * A date found in a page or feed string.
 *
 * @param instant the point in time: the written time in the written zone or offset, else in the
 *                source's zone; a date without a time is midnight at the start of that day in the
 *                source's zone
 * @param hasTime whether the string gave a time of day (or an hour-precise relative date such as
 *                "vor 3 Stunden"); false for a bare date, "gestern" or "vor 2 Tagen"
 * @param format  short name of the rule that matched, for admin diagnostics, e.g.
 *                {@code "dd.MM.yyyy HH:mm"}, {@code "RFC 1123 HH:mm:ss zone"}, {@code "relative"}
 */
public record ParsedDate(Instant instant, boolean hasTime, String format) {
    public ParsedDate {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(format, "format");
        if (format.isBlank()) {
            throw new IllegalArgumentException("format must name the rule that matched: '" + format + "'");
        }
    }
}
