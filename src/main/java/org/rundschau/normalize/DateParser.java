package org.rundschau.normalize;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the first complete date (day, month and year) in a string as pages and feeds write it, in
 * the source's locale and zone: numeric ({@code 07.02.2025}, {@code 7.2.25}, {@code 2025-02-07},
 * {@code 31/08/2019}), with month names ({@code Mi, 18. Okt. 2023}, {@code Feb 7th, 2025}),
 * RFC 822/1123, ISO 8601, with or without a time ({@code 14:30}, {@code 14.30 Uhr},
 * {@code 4:56 p.m.}) and zone, anywhere in longer text ({@code [07.02.2025] Das ...},
 * {@code Stand: ...}); and relative dates ({@code vor 3 Stunden}, {@code gestern, 18:05},
 * {@code 2 days ago}) counted back from the fetch time.
 *
 * <p>Zone: an offset or zone name written in the text wins; otherwise the local date and time are
 * in the source's zone, with the daylight-saving offset of that date. A date without a time is
 * midnight at the start of that day in the source's zone, so it never depends on when it was read.
 *
 * <p>Order: a source's own {@code date-format} pattern first (see {@link #withPattern}), then the
 * built-in calendar-date rules (see {@code DateRules} for day/month order, two-digit years and
 * section numbers), then relative dates. A calendar date anywhere in the text beats a relative
 * word, because words like "heute" also occur in running text. Future dates are returned as
 * written: filtering them is the caller's business.
 *
 * <p>Immutable and thread-safe; regular expressions and name tables are built once.
 */
public final class DateParser {

    private final ZoneId zone;
    private final List<DateCustomPattern> overrides;
    private final DateRules rules;
    private final DateClockReader clocks;
    private final DateRelativeRules relative;

    /**
     * @param zone   the source's zone, for dates written without an offset
     * @param locale the source's locale: its month names are tried first, and {@code en}/{@code en-US}
     *               reads ambiguous slashed dates month first
     */
    public DateParser(ZoneId zone, Locale locale) {
        this(zone, locale, List.of());
    }

    private DateParser(ZoneId zone, Locale locale, List<DateCustomPattern> overrides) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
        this.overrides = overrides;
        this.rules = new DateRules(locale);
        this.clocks = new DateClockReader(zone, locale);
        this.relative = new DateRelativeRules(zone, clocks);
    }

    /**
     * A parser that first tries a source's {@code date-format} override, then the built-in rules
     * (so a source that mixes formats still gets its other dates read).
     *
     * @param javaTimePattern a {@link java.time.format.DateTimeFormatter} pattern such as
     *                        {@code "dd.MM.yyyy HH:mm"} or {@code "EEEE, d. MMMM yyyy"}
     * @throws IllegalArgumentException when the pattern is invalid or cannot give a complete date;
     *                                  the message quotes the pattern
     */
    public static DateParser withPattern(String javaTimePattern, ZoneId zone, Locale locale) {
        Objects.requireNonNull(javaTimePattern, "javaTimePattern");
        return new DateParser(zone, locale, List.of(DateCustomPattern.compile(javaTimePattern, zone, locale)));
    }

    /**
     * @param text      a date as found on a page or in a feed, possibly inside longer text
     * @param reference the fetch time: base for relative dates ("vor 3 Stunden", "gestern", "yesterday")
     * @return empty when the text holds no COMPLETE date (day, month and year), e.g. "Stand 15.November",
     *         "November 2021", "Nr. 1.1.12", "11.6", "31.02.2025" or a time alone
     */
    public Optional<ParsedDate> parse(String text, Instant reference) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reference, "reference");
        String clean = withPlainSpaces(text);
        for (DateCustomPattern override : overrides) {
            Optional<ParsedDate> found = override.parse(clean);
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<ParsedDate> absolute = rules.first(clean).map(hit -> withClock(hit, clean));
        return absolute.isPresent() ? absolute : relative.first(clean, reference);
    }

    private ParsedDate withClock(DateHit hit, String text) {
        return clocks.after(text, hit.clockFrom(), hit.iso())
                .or(() -> clocks.before(text, hit.start()))
                .map(clock -> new ParsedDate(ZonedDateTime.of(hit.date(), clock.time(), clock.zone()).toInstant(),
                        true, hit.format() + " " + clock.format()))
                .orElseGet(() -> new ParsedDate(hit.date().atStartOfDay(zone).toInstant(), false, hit.format()));
    }

    /**
     * Turns every run of white space (including the no-break and thin spaces pages put between date
     * parts) into one plain space: the rules expect plain spaces, and short runs keep the regular
     * expressions linear.
     */
    private static String withPlainSpaces(String text) {
        if (!needsSpaceCleaning(text)) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = isSpace(c);
            if (!space) {
                plain.append(c);
            } else if (!inSpace) {
                plain.append(' ');
            }
            inSpace = space;
        }
        return plain.toString();
    }

    private static boolean needsSpaceCleaning(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < text.length() && isSpace(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
