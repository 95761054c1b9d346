package org.rundschau.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.time.temporal.ChronoUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative dates in German and English, counted back from the reference (the fetch time) in the
 * source's zone.
 *
 * <ul>
 * <li>Seconds, minutes and hours ("vor 5 Minuten", "an hour ago") give the reference minus that
 *     duration, with {@code hasTime}.
 * <li>Days and longer ("vor 2 Tagen", "3 weeks ago", "gestern") give midnight of the day so many
 *     calendar days, weeks, months or years before the reference day: the page does not say the
 *     time, so none is invented. A day word may carry a time ("heute, 10:30 Uhr", "gestern, 18:05",
 *     "yesterday at 5:30 pm").
 * </ul>
 */
final class DateRelativeRules {

    private static final String FORMAT = "relative";
    private static final Pattern GERMAN_AGO = Pattern.compile("(?<!\\p{L})(?iu:vor)\\s+(\\d{1,3}|(?iu:eine[mrn]?|ein))"
            + "\\s+(?iu:(sekunden?|sek|minuten?|min|stunden?|std|tage?n?|wochen?|monate?n?|jahre?n?))\\.?(?!\\p{L})");
    private static final Pattern ENGLISH_AGO = Pattern.compile("(?<!\\p{L})(\\d{1,3}|(?iu:an?|one))\\s+"
            + "(?iu:(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?))\\s+(?iu:ago)(?!\\p{L})");
    private static final Pattern DAY_WORD = Pattern.compile(
            "(?<!\\p{L})(?iu:(vorgestern|gestern|heute|day\\s+before\\s+yesterday|yesterday|today))(?!\\p{L})");

    private final ZoneId zone;
    private final DateClockReader clocks;

    /** @param clocks reads a time after a day word; built for the same zone */
    DateRelativeRules(ZoneId zone, DateClockReader clocks) {
        this.zone = zone;
        this.clocks = clocks;
    }

    /** @return the first relative date in the text, counted back from {@code reference}, or empty */
    Optional<ParsedDate> first(String text, Instant reference) {
        Optional<MatchResult> ago = earliest(GERMAN_AGO.matcher(text), ENGLISH_AGO.matcher(text));
        Matcher day = DAY_WORD.matcher(text);
        boolean hasDay = day.find();
        if (ago.isPresent() && (!hasDay || ago.get().start() < day.start())) {
            return Optional.of(ago(ago.get().group(1), ago.get().group(2), reference));
        }
        return hasDay ? Optional.of(dayWord(day, text, reference)) : Optional.empty();
    }

    private static Optional<MatchResult> earliest(Matcher a, Matcher b) {
        Optional<MatchResult> first = a.find() ? Optional.of(a.toMatchResult()) : Optional.empty();
        if (!b.find()) {
            return first;
        }
        return first.isPresent() && first.get().start() <= b.start() ? first : Optional.of(b.toMatchResult());
    }

    private ParsedDate ago(String amountText, String unitText, Instant reference) {
        long amount = Character.isDigit(amountText.charAt(0)) ? Long.parseLong(amountText) : 1;
        ChronoUnit unit = unit(unitText.toLowerCase(Locale.ROOT));
        if (unit.isTimeBased()) {
            return new ParsedDate(reference.minus(amount, unit), true, FORMAT);
        }
        LocalDate date = reference.atZone(zone).toLocalDate().minus(amount, unit);
        return new ParsedDate(date.atStartOfDay(zone).toInstant(), false, FORMAT);
    }

    /** @param unit a lower-case unit word the patterns accept, German or English */
    private static ChronoUnit unit(String unit) {
        if (unit.startsWith("se")) {
            return ChronoUnit.SECONDS;
        }
        if (unit.startsWith("mi")) {
            return ChronoUnit.MINUTES;
        }
        if (unit.startsWith("st") || unit.startsWith("h")) {
            return ChronoUnit.HOURS;
        }
        if (unit.startsWith("t") || unit.startsWith("d")) {
            return ChronoUnit.DAYS;
        }
        if (unit.startsWith("w")) {
            return ChronoUnit.WEEKS;
        }
        return unit.startsWith("mo") ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
    }

    private ParsedDate dayWord(Matcher day, String text, Instant reference) {
        String word = day.group(1).toLowerCase(Locale.ROOT);
        int back = word.equals("heute") || word.equals("today") ? 0
                : word.equals("gestern") || word.equals("yesterday") ? 1 : 2;
        LocalDate date = reference.atZone(zone).toLocalDate().minusDays(back);
        return clocks.after(text, day.end(), false)
                .map(clock -> new ParsedDate(ZonedDateTime.of(date, clock.time(), clock.zone()).toInstant(),
                        true, FORMAT + " " + clock.format()))
                .orElseGet(() -> new ParsedDate(date.atStartOfDay(zone).toInstant(), false, FORMAT));
    }
}
