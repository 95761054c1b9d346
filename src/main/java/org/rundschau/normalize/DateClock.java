package org.rundschau.normalize;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A time of day read next to a date.
 *
 * @param time   the local time as written (am/pm resolved)
 * @param zone   the zone or offset written with it, else the source's zone
 * @param format short rule name, e.g. {@code "HH:mm"}, {@code "h:mm a zone"}
 */
record DateClock(LocalTime time, ZoneId zone, String format) {
    DateClock {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(format, "format");
    }
}
