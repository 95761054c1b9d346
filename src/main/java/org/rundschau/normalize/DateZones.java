package org.rundschau.normalize;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Zone abbreviations as feeds and pages write them after a time.
 *
 * <p>Abbreviations that name one offset (RFC 822 {@code EST}, {@code CEST}, German {@code MEZ})
 * map to that fixed offset, because the writer chose it: "08:57 MET" in April is +01:00, as
 * feedparser reads it. The generic US names without S/D ({@code ET}, {@code PT}) map to their
 * region, whose daylight-saving rule then applies. Of the RFC 822 military letters only {@code Z}
 * is kept: RFC 1123 §5.2.14 notes the others were defined with the wrong sign and should be read
 * as unknown, which here means "no zone written". Ambiguous names such as {@code IST} (India,
 * Ireland, Israel) are deliberately absent.
 */
final class DateZones {

    private static final ZoneOffset UTC = ZoneOffset.UTC;

    private static final Map<String, ZoneId> BY_NAME = Map.ofEntries(
            Map.entry("Z", UTC), Map.entry("UT", UTC), Map.entry("UTC", UTC), Map.entry("GMT", UTC),
            Map.entry("WET", hours(0)), Map.entry("WEST", hours(1)), Map.entry("BST", hours(1)),
            Map.entry("CET", hours(1)), Map.entry("MET", hours(1)), Map.entry("MEZ", hours(1)),
            Map.entry("CEST", hours(2)), Map.entry("MEST", hours(2)), Map.entry("MESZ", hours(2)),
            Map.entry("EET", hours(2)), Map.entry("EEST", hours(3)), Map.entry("OEZ", hours(2)),
            Map.entry("OESZ", hours(3)), Map.entry("MSK", hours(3)),
            Map.entry("EST", hours(-5)), Map.entry("EDT", hours(-4)),
            Map.entry("CST", hours(-6)), Map.entry("CDT", hours(-5)),
            Map.entry("MST", hours(-7)), Map.entry("MDT", hours(-6)),
            Map.entry("PST", hours(-8)), Map.entry("PDT", hours(-7)),
            Map.entry("AKST", hours(-9)), Map.entry("AKDT", hours(-8)), Map.entry("HST", hours(-10)),
            Map.entry("JST", hours(9)), Map.entry("KST", hours(9)),
            Map.entry("AEST", hours(10)), Map.entry("AEDT", hours(11)),
            Map.entry("ET", ZoneId.of("America/New_York")), Map.entry("CT", ZoneId.of("America/Chicago")),
            Map.entry("MT", ZoneId.of("America/Denver")), Map.entry("PT", ZoneId.of("America/Los_Angeles")));

    private DateZones() {
    }

    /** @return the zone for an upper-case abbreviation, or empty when it is unknown or ambiguous */
    static Optional<ZoneId> named(String abbreviation) {
        return Optional.ofNullable(BY_NAME.get(abbreviation));
    }

    /**
     * @param sign    '+' or '-'
     * @param hours   0–14
     * @param minutes 0–59
     * @return the offset, or empty when out of range (so "14:30-15:00" is a time range, not an offset)
     */
    static Optional<ZoneOffset> offset(char sign, int hours, int minutes) {
        if (hours > 14 || minutes > 59) {
            return Optional.empty();
        }
        int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
        return Optional.of(ZoneOffset.ofTotalSeconds(seconds));
    }

    private static ZoneOffset hours(int hours) {
        return ZoneOffset.ofHours(hours);
    }
}
