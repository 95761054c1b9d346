package org.rundschau.normalize;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time of day (and a zone, if one is written) that belongs to a date: right after it
 * ({@code "07.02.2025, 14:30"}, {@code "6. Mai 2014 um 23:30"}, {@code "2025-02-07T14:30:00.123+01:00"},
 * {@code "Nov 9, 2023, 12:51 AM EST"}) or, failing that, right before it ({@code "14:30 Uhr, 07.02.2025"}).
 *
 * <p>Accepted forms: {@code H:mm}, {@code H:mm:ss}, optional fraction, {@code H.mm} only when
 * followed by "Uhr" or "h" (a bare "10.30" is too easily a number), {@code H Uhr}, and 12-hour
 * times with am/pm written as {@code am}, {@code AM}, {@code a.m.}. On German pages a lower-case
 * "am" after a time is the preposition ("12:00 am Rathaus"), not a.m. A numeric offset directly
 * attached to the time is accepted only after ISO dates or a time with seconds, so that the time
 * range "10:00-12:00" is not read as 10:00 at -12:00.
 */
final class DateClockReader {

    private static final String SEPARATOR = "(?:T|\\s*[,|/@\\u00B7\\u2022\\u2013\\u2014-]?\\s*"
            + "(?:(?iu:um|at|gegen|\\u00E0|a\\s+las|alle(?:\\s+ore)?|ore)\\s+)?)";
    private static final String CLOCK = "(?<h>\\d{1,2})"
            + "(?::(?<m>\\d{2})(?::(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?"
            + "|\\.(?<dm>\\d{2})(?=\\s*(?:Uhr|h)(?!\\p{L}))"
            + "|(?=\\s*(?:[aApP]\\.?\\s?[mM]\\.?|Uhr)(?!\\p{L})))(?!\\d)"
            + "(?:\\s*(?<ap>[aApP]\\.?\\s?[mM]\\.?)(?!\\p{L}))?"
            + "(?:\\s*(?:Uhr|h)(?!\\p{L}))?";
    private static final String ZONE = "(?:(?<zs>\\s*)\\(?(?:(?<zn>[A-Z]{1,5})"
            + "(?:(?<zns>[+-])(?<znh>\\d{1,2})(?::?(?<znm>\\d{2}))?)?"
            + "|(?<zos>[+-])(?<zoh>\\d{2})(?::?(?<zom>\\d{2}))?)\\)?(?![\\p{L}\\d]))?";
    private static final Pattern AFTER = Pattern.compile(SEPARATOR + CLOCK + ZONE);
    private static final Pattern BEFORE = Pattern.compile("(?<![\\d:.])" + CLOCK + ZONE
            + "\\s*[,|/@\\u00B7\\u2022\\u2013\\u2014-]?\\s*(?:(?iu:am|on|le|el|den|vom)\\s+)?$");
    /** How far before a date a leading time may start. */
    private static final int BEFORE_WINDOW = 40;

    private final ZoneId zone;
    private final boolean lowerAmIsPreposition;

    DateClockReader(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.lowerAmIsPreposition = "de".equals(locale.getLanguage());
    }

    /**
     * @param from           index right after the date
     * @param attachedOffset whether an offset written without a space ("14:30+01:00") counts
     * @return the time written at {@code from}, or empty when none is (or it is no valid time)
     */
    Optional<DateClock> after(String text, int from, boolean attachedOffset) {
        Matcher m = AFTER.matcher(text).region(from, text.length());
        return m.lookingAt() ? toClock(m, attachedOffset) : Optional.empty();
    }

    /** @return the time written directly before the date starting at {@code dateStart}, or empty */
    Optional<DateClock> before(String text, int dateStart) {
        Matcher m = BEFORE.matcher(text).region(Math.max(0, dateStart - BEFORE_WINDOW), dateStart);
        m.useTransparentBounds(true);
        return m.find() ? toClock(m, false) : Optional.empty();
    }

    private Optional<DateClock> toClock(Matcher m, boolean attachedOffset) {
        String minutes = m.group("m") != null ? m.group("m") : m.group("dm");
        String meridiem = meridiem(m.group("ap"));
        int hour = hour(Integer.parseInt(m.group("h")), meridiem);
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        int second = m.group("s") == null ? 0 : Integer.parseInt(m.group("s"));
        if (hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.of(hour, minute, second, nanos(m.group("f")));
        Optional<ZoneId> written = writtenZone(m, attachedOffset || m.group("s") != null);
        String format = format(m, !meridiem.isEmpty()) + (written.isPresent() ? " zone" : "");
        return Optional.of(new DateClock(time, written.orElse(zone), format));
    }

    /** @return "a" or "p" for a 12-hour marker, "" for none (or the German preposition "am") */
    private String meridiem(String marker) {
        if (marker == null || lowerAmIsPreposition && marker.equals("am")) {
            return "";
        }
        return marker.substring(0, 1).toLowerCase(Locale.ROOT);
    }

    private static int hour(int hour, String meridiem) {
        if (meridiem.isEmpty() || hour == 0 || hour > 12) {
            return hour;
        }
        return hour % 12 + (meridiem.equals("p") ? 12 : 0);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "00000000").substring(0, 9));
    }

    private static Optional<ZoneId> writtenZone(Matcher m, boolean attachedOffset) {
        if (m.group("zos") != null) {
            return attachedOffset || !m.group("zs").isEmpty() ? offset(m.group("zos"), m.group("zoh"), m.group("zom"))
                    : Optional.empty();
        }
        String name = m.group("zn");
        if (name == null) {
            return Optional.empty();
        }
        if (m.group("zns") != null && (name.equals("GMT") || name.equals("UTC") || name.equals("UT"))) {
            return offset(m.group("zns"), m.group("znh"), m.group("znm"));
        }
        return m.group("zns") == null ? DateZones.named(name) : Optional.empty();
    }

    private static Optional<ZoneId> offset(String sign, String hours, String minutes) {
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        return DateZones.offset(sign.charAt(0), Integer.parseInt(hours), minute).map(ZoneId.class::cast);
    }

    private static String format(Matcher m, boolean twelveHour) {
        String base;
        if (m.group("m") != null) {
            base = m.group("s") == null ? "HH:mm" : m.group("f") == null ? "HH:mm:ss" : "HH:mm:ss.SSS";
        } else {
            base = m.group("dm") != null ? "HH.mm 'Uhr'" : "HH 'Uhr'";
        }
        return !twelveHour ? base : base.replace("HH", "h").replace(" 'Uhr'", "") + " a";
    }
}
