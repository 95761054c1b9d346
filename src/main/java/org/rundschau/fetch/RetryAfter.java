package org.rundschau.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3). */
final class RetryAfter {
    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d{1,12}");
    /** RFC 850 dates, obsolete but still to be accepted: {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    /** C asctime() dates, also obsolete: {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private RetryAfter() {}

    /**
     * Returns the wait the header asks for: delta-seconds as given, an HTTP-date as the time from
     * {@code now} until then ({@link Duration#ZERO} when it has passed), or empty when the value is
     * neither.
     */
    static Optional<Duration> parse(String value, Instant now) {
        String trimmed = value.trim();
        if (DELTA_SECONDS.matcher(trimmed).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        return httpDate(trimmed).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notImfFixdate) {
            // fall through to the obsolete formats
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
            try {
                return Optional.of(LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return Optional.empty();
    }
}
