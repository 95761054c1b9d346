package org.rundschau.normalize;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in so the regions branch compiles: the real parser comes from the {@code dates}
 * branch and replaces this file. Handles only {@code dd.MM.yyyy} (found anywhere in the text) and
 * ISO-8601 instants/offset date-times.
 */
public final class DateParser {
    private static final Pattern DOTTED = Pattern.compile("(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");

    private final ZoneId zone;

    public DateParser(ZoneId zone, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }

    public static DateParser withPattern(String javaTimePattern, ZoneId zone, Locale locale) {
        Objects.requireNonNull(javaTimePattern, "javaTimePattern");
        return new DateParser(zone, locale);
    }

    /** @return the first complete date in {@code text}, or empty */
    public Optional<ParsedDate> parse(String text, Instant reference) {
        String trimmed = text.strip();
        try {
            return Optional.of(new ParsedDate(
                    OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), true, "ISO"));
        } catch (DateTimeParseException notIso) {
            // fall through to the dotted form
        }
        Matcher m = DOTTED.matcher(trimmed);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
            return Optional.of(new ParsedDate(date.atStartOfDay(zone).toInstant(), false, "dd.MM.yyyy"));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }
}
