package org.rundschau.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a source's {@code date-format}: a {@link DateTimeFormatter} pattern that reads a complete
 * date (day, month, year), with month and day names in the source's locale, such as
 * {@code dd.MM.yyyy HH:mm} or {@code EEEE, d. MMMM yyyy}. Letters that are valid but almost surely
 * meant as another field ({@code YYYY} for {@code yyyy}) are named.
 */
final class DatePattern {
    private static final ZonedDateTime SAMPLE_DATE = ZonedDateTime.of(2025, 2, 7, 14, 30, 15, 0,
            ZoneId.of("Europe/Berlin"));

    private DatePattern() {
    }

    /**
     * @param pattern as written, without surrounding blanks
     * @return the pattern, when it reads a complete date
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    static String check(String pattern, Locale locale) {
        String letters = unquoted(pattern);
        DateTimeFormatter formatter = formatter(pattern, locale);
        boolean complete = readsCompleteDate(formatter);
        Optional<String> misread = misreadField(letters, complete);
        if (misread.isPresent()) {
            throw new IllegalArgumentException("date-format '" + pattern + "': " + misread.get());
        }
        if (complete) {
            return pattern;
        }
        throw new IllegalArgumentException("date-format '" + pattern + "' does not read a complete date; it needs"
                + " a day, a month and a year, e.g. 'dd.MM.yyyy' or 'd. MMMM yyyy'");
    }

    /** An optional section left open ({@code dd.MM.yyyy [HH:mm}) runs to the end, as DateTimeFormatter reads it. */
    private static DateTimeFormatter formatter(String pattern, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid date-format '" + pattern + "': " + e.getMessage()
                    + "; write a java.time pattern such as 'dd.MM.yyyy HH:mm'", e);
        }
    }

    private static final Pattern LETTER_RUN = Pattern.compile("([A-Za-z])\\1*");

    /**
     * A pattern letter that is a field people often take for another: 'Y' (week-based year) for the
     * year, 'D' (day of the year) for the day of the month, 'm' (minutes) for the month. Each is
     * named only where the pattern shows it was meant as the other: 'Y' without a week ('w'), 'D'
     * next to a month, 'm' in a pattern with no month that reads no complete date.
     */
    private static Optional<String> misreadField(String letters, boolean complete) {
        if (letters.contains("Y") && !letters.contains("w")) {
            return firstRun(letters, 'Y').map(run -> "'" + run + "' is the week-based year; write '"
                    + run.toLowerCase(Locale.ROOT) + "'");
        }
        if (letters.contains("D") && (letters.contains("M") || letters.contains("L"))) {
            return firstRun(letters, 'D').map(run -> "'" + run + "' is the day of the year; write '"
                    + "dd".substring(0, Math.min(run.length(), 2)) + "' for the day of the month");
        }
        if (!complete && letters.contains("m") && !letters.contains("M") && !letters.contains("L")) {
            return firstRun(letters, 'm').map(run -> "'" + run + "' is the minutes; write '"
                    + run.toUpperCase(Locale.ROOT) + "' for the month");
        }
        return Optional.empty();
    }

    private static Optional<String> firstRun(String letters, char letter) {
        var m = LETTER_RUN.matcher(letters);
        while (m.find()) {
            if (m.group(1).charAt(0) == letter) return Optional.of(m.group());
        }
        return Optional.empty();
    }

    /** The pattern with its quoted text ('um', and '' for a quote) blanked out, so only pattern letters remain. */
    private static String unquoted(String pattern) {
        StringBuilder letters = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            letters.append(quoted || c == '\'' ? ' ' : c);
        }
        return letters.toString();
    }

    /** Whether the formatter can write a sample date and read back its day, month and year. */
    private static boolean readsCompleteDate(DateTimeFormatter formatter) {
        try {
            return formatter.parse(formatter.format(SAMPLE_DATE), TemporalQueries.localDate()) != null;
        } catch (DateTimeException e) {
            return false;   // a field the pattern needs cannot be written or read back
        }
    }
}
