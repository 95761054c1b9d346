package org.rundschau.normalize;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;

/**
 * A source's own {@code date-format}: a {@link DateTimeFormatter} pattern looked for at every word
 * start in the text, first match wins. The pattern must yield a complete date; a time and a zone or
 * offset in it are used when present.
 */
final class DateCustomPattern {

    private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2025, 2, 7, 14, 30, 15, 0,
            ZoneId.of("Europe/Berlin"));

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    private DateCustomPattern(String pattern, DateTimeFormatter formatter, ZoneId zone) {
        this.pattern = pattern;
        this.formatter = formatter;
        this.zone = zone;
    }

    /**
     * @throws IllegalArgumentException when the pattern is not a valid {@link DateTimeFormatter}
     *                                  pattern or cannot express a complete date
     */
    static DateCustomPattern compile(String pattern, ZoneId zone, Locale locale) {
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("date-format is blank; give a java.time pattern such as 'dd.MM.yyyy HH:mm'");
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid date-format '" + pattern
                    + "' (expected a java.time DateTimeFormatter pattern such as 'dd.MM.yyyy HH:mm'): "
                    + e.getMessage(), e);
        }
        DateCustomPattern custom = new DateCustomPattern(pattern, formatter, zone);
        custom.requireCompleteDate();
        return custom;
    }

    /** @return the first date the pattern reads at a word start of the text, or empty */
    Optional<ParsedDate> parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || Character.isLetterOrDigit(text.charAt(i)) && !Character.isLetterOrDigit(text.charAt(i - 1))) {
                Optional<ParsedDate> found = parseAt(text, i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ParsedDate> parseAt(String text, int index) {
        TemporalAccessor raw = formatter.parseUnresolved(text, new ParsePosition(index));
        if (raw == null) {
            return Optional.empty();
        }
        TemporalAccessor resolved;
        try {
            resolved = formatter.parse(text, new ParsePosition(index));
        } catch (DateTimeParseException e) {
            return Optional.empty();   // the text had the pattern's shape but no real date, e.g. 32.01.2025
        }
        return toParsedDate(raw, resolved);
    }

    private Optional<ParsedDate> toParsedDate(TemporalAccessor raw, TemporalAccessor resolved) {
        LocalDate date = resolved.query(TemporalQueries.localDate());
        if (date == null || clampedDay(raw, date)) {
            return Optional.empty();
        }
        LocalTime time = resolved.query(TemporalQueries.localTime());
        ZoneId written = resolved.query(TemporalQueries.zone());
        ZoneId effective = written == null ? zone : written;
        String format = "pattern " + pattern;
        if (time == null) {
            return Optional.of(new ParsedDate(date.atStartOfDay(effective).toInstant(), false, format));
        }
        return Optional.of(new ParsedDate(ZonedDateTime.of(date, time, effective).toInstant(), true, format));
    }

    /** The default SMART resolver turns 31 February into 28 February; such a text is no date. */
    private static boolean clampedDay(TemporalAccessor raw, LocalDate date) {
        return raw.isSupported(ChronoField.DAY_OF_MONTH) && raw.getLong(ChronoField.DAY_OF_MONTH) != date.getDayOfMonth();
    }

    private void requireCompleteDate() {
        String sample;
        try {
            sample = formatter.format(SAMPLE);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date-format '" + pattern + "' cannot be used: " + e.getMessage(), e);
        }
        if (parse(sample).isEmpty()) {
            throw new IllegalArgumentException("date-format '" + pattern
                    + "' does not give a complete date (it needs a day, a month and a year), e.g. 'dd.MM.yyyy'");
        }
    }
}
