package org.rundschau.config;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When a source is fetched: {@code every 30m} / {@code every 2h} (an interval), or a Quartz cron
 * expression such as {@code 0 0/15 6-22 * * ?}.
 *
 * @param text     as written in the config
 * @param interval the interval, or null for a cron schedule
 * @param cron     the cron expression, or "" for an interval schedule
 */
public record Schedule(String text, Duration interval, String cron) {
    /** The shortest gap between two runs of one source that a schedule may ask for. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(5);
    /**
     * The Java system property that lowers {@link #MINIMUM_INTERVAL}, for a test setup whose sources
     * are the admin's own servers ({@code -Drundschau.schedule-minimum=5s}); never for other sites.
     */
    public static final String MINIMUM_PROPERTY = "rundschau.schedule-minimum";
    /**
     * How many runs of a cron expression are looked at for the shortest gap: ten days of an hourly
     * one. Runs too close together come in clusters (several seconds of one minute, minutes of one
     * hour, the turn of an hour, a day, a month or the year), the first of which is among them.
     * About 1 µs a run, measured: a cron schedule costs a quarter of a millisecond to check.
     */
    private static final int CRON_RUNS_CHECKED = 250;
    /** Where that look starts: a fixed moment, so that a config is valid or not whatever the day. */
    private static final Instant CRON_CHECK_START = Instant.parse("2001-01-01T00:00:00Z");
    private static final DateTimeFormatter LAST_RUN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** A weekday number of a Unix cron (not the step after '/'). */
    private static final Pattern UNIX_WEEKDAY = Pattern.compile("(?<![/\\d])\\d+");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d+)\\s*(m|min|h|d)", Pattern.CASE_INSENSITIVE);

    public Schedule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cron, "cron");
    }

    /**
     * As {@link #parse(String, Instant)} at the current moment: a cron expression whose runs all lie
     * in the past is refused, as Quartz would refuse to schedule it.
     *
     * @throws IllegalArgumentException with an admin-readable reason when the text is neither form
     */
    public static Schedule parse(String text) {
        return parse(text, Instant.now());
    }

    /**
     * @param now a cron expression must have a run after this moment (in UTC)
     * @throws IllegalArgumentException with an admin-readable reason when the text is neither form,
     *                                  or is a cron expression that never runs (again)
     */
    static Schedule parse(String text, Instant now) {
        String t = text.strip();
        Matcher m = EVERY.matcher(t);
        if (m.matches()) {
            ChronoUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "h" -> ChronoUnit.HOURS;
                case "d" -> ChronoUnit.DAYS;
                default -> ChronoUnit.MINUTES;
            };
            Duration d = ConfigValues.withinLongest(m.group(1), unit).orElseThrow(() -> new IllegalArgumentException(
                    "schedule '" + t + "' is longer than the maximum of " + ConfigValues.LONGEST_DURATION.toDays()
                            + " days (100 years)"));
            if (d.compareTo(minimum()) < 0) {
                throw new IllegalArgumentException("schedule '" + t + "' is shorter than the minimum of " + minimumText());
            }
            return new Schedule(t, d, "");
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("every")) {
            throw new IllegalArgumentException("schedule '" + t + "' must look like 'every 30m', 'every 2h' or 'every 1d'");
        }
        if (CronExpression.isValidExpression(t)) {
            Schedule cron = new Schedule(t, null, t);
            CronExpression utc = cron.expression(ZoneOffset.UTC);
            cron.requireRunAfter(utc, now);
            Duration gap = shortestGap(utc);
            if (gap.compareTo(minimum()) < 0) {
                throw new IllegalArgumentException("schedule '" + t + "' runs only " + words(gap)
                        + " apart; the minimum is " + minimumText() + " (e.g. '0 0/5 * * * ?', every 5 minutes)");
            }
            return cron;
        }
        throw new IllegalArgumentException(quartzHint(t, now).orElse("schedule '" + t
                + "' is neither 'every N(m|h|d)' nor a valid Quartz cron expression (e.g. '0 0/30 * * * ?')"));
    }

    /**
     * What Quartz needs, for the two usual reasons it refuses a cron expression: five fields (a Unix
     * cron, which has no seconds and counts weekdays from 0), or both day fields set where Quartz
     * wants '?' in one of them. Empty when the expression is wrong in some other way.
     */
    private static Optional<String> quartzHint(String t, Instant now) {
        List<String> fields = new ArrayList<>(List.of(t.split("\\s+")));
        boolean unix = fields.size() == 5;
        if (unix) {
            fields.add(0, "0");
            fields.set(5, weekdayNames(fields.get(5)));
        }
        if (fields.size() < 6 || fields.size() > 7) return Optional.empty();
        String dayOfMonth = fields.get(3);
        String dayOfWeek = fields.get(5);
        String what = unix ? "schedule '" + t + "' looks like a Unix cron expression; Quartz needs a seconds field"
                + " first and '?' in day-of-month or day-of-week"
                : "schedule '" + t + "' sets both day-of-month and day-of-week; Quartz needs '?' in one of them";
        boolean bothDays = !dayOfMonth.equals("?") && !dayOfWeek.equals("?");
        if (!bothDays && !unix) return Optional.empty();
        if (bothDays) fields.set(dayOfMonth.equals("*") && !dayOfWeek.equals("*") ? 3 : 5, "?");
        String quartz = String.join(" ", fields);
        if (!CronExpression.isValidExpression(quartz)) return Optional.empty();
        if (bothDays && !dayOfMonth.equals("*") && !dayOfWeek.equals("*")) {
            return Optional.of(what + " (it cannot combine a day of the month with a weekday)");
        }
        try {
            parse(quartz, now);
            return Optional.of(what + ": write '" + quartz + "'");
        } catch (IllegalArgumentException e) {
            return Optional.of(what + "; '" + quartz + "' would be refused too: " + e.getMessage());
        }
    }

    /** A Unix day-of-week field with names for its numbers (0 and 7 are Sunday), which Quartz counts from 1. */
    private static String weekdayNames(String unixDayOfWeek) {
        return UNIX_WEEKDAY.matcher(unixDayOfWeek).replaceAll(m -> m.group().length() == 1 && m.group().charAt(0) <= '7'
                ? WEEKDAYS.get(m.group().charAt(0) - '0') : m.group());
    }

    /** {@link #MINIMUM_INTERVAL}, or what {@link #MINIMUM_PROPERTY} sets. */
    static Duration minimum() {
        String lowered = System.getProperty(MINIMUM_PROPERTY);
        if (lowered == null) return MINIMUM_INTERVAL;
        try {
            return ConfigValues.duration(lowered);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Java system property " + MINIMUM_PROPERTY + ": " + e.getMessage(), e);
        }
    }

    private static String minimumText() {
        Duration minimum = minimum();
        return words(minimum) + (minimum.equals(MINIMUM_INTERVAL) ? "" : " (lowered by -D" + MINIMUM_PROPERTY + ")");
    }

    /** {@code 5 minutes}, {@code 30 seconds}, {@code 1 second}, {@code 250 ms}. */
    private static String words(Duration d) {
        if (d.toSeconds() == 0) return d.toMillis() + " ms";
        if (d.toSecondsPart() != 0 || d.toMinutes() == 0) return plural(d.toSeconds(), "second");
        return plural(d.toMinutes(), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /**
     * Refuses an expression (in UTC) without a run after {@code now}: Quartz cannot schedule it ("the given
     * trigger will never fire"), so {@code run} would stop where {@code validate} said all is well.
     */
    private void requireRunAfter(CronExpression expression, Instant now) {
        if (expression.getNextValidTimeAfter(Date.from(now)) != null) return;
        Date first = expression.getNextValidTimeAfter(Date.from(Instant.EPOCH));
        if (first == null) {
            throw new IllegalArgumentException("schedule '" + text + "' never runs: no date matches its day,"
                    + " month and year fields; check them against the calendar ('L' is the last day of a month)");
        }
        throw new IllegalArgumentException("schedule '" + text + "' never runs again: its last run was "
                + LAST_RUN.format(lastRunBefore(expression, now)) + "; change or remove its year field");
    }

    /**
     * The last run before {@code now} of an expression that has one and none after: found by halving
     * the span between 1970 (where Quartz's years begin) and now, as Quartz cannot look back.
     */
    private static Instant lastRunBefore(CronExpression expression, Instant now) {
        long before = Instant.EPOCH.toEpochMilli();   // has a run after it
        long after = now.toEpochMilli();              // has none
        while (after - before > 1000) {
            long middle = before + (after - before) / 2;
            if (expression.getNextValidTimeAfter(new Date(middle)) != null) before = middle;
            else after = middle;
        }
        return expression.getNextValidTimeAfter(new Date(before)).toInstant();
    }

    /**
     * The shortest gap between two of {@code expression}'s first {@link #CRON_RUNS_CHECKED} runs
     * (from a fixed start; the expression is in UTC), or the longest duration when it runs at most once.
     */
    private static Duration shortestGap(CronExpression expression) {
        Duration shortest = ConfigValues.LONGEST_DURATION;
        Date previous = expression.getNextValidTimeAfter(Date.from(CRON_CHECK_START));
        for (int i = 1; i < CRON_RUNS_CHECKED && previous != null; i++) {
            Date next = expression.getNextValidTimeAfter(previous);
            if (next == null) break;
            Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
            if (gap.compareTo(shortest) < 0) shortest = gap;
            previous = next;
        }
        return shortest;
    }

    public boolean isInterval() {
        return interval != null;
    }

    /** The first run after {@code after}: the interval later, or the cron expression's next time in {@code zone}. */
    public Instant nextAfter(Instant after, ZoneId zone) {
        if (isInterval()) return after.plus(interval);
        Date next = expression(zone).getNextValidTimeAfter(Date.from(after));
        return next == null ? Instant.MAX : next.toInstant();
    }

    private CronExpression expression(ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalStateException("cron expression was validated in parse(): " + cron, e);
        }
    }

    /** The normal gap between runs: the interval, or the gap between the cron expression's next two runs. */
    public Duration period(Instant now, ZoneId zone) {
        if (isInterval()) return interval;
        Instant next = nextAfter(now, zone);
        Instant afterNext = next.equals(Instant.MAX) ? Instant.MAX : nextAfter(next, zone);
        return afterNext.equals(Instant.MAX) ? Duration.ofDays(1) : Duration.between(next, afterNext);
    }

    @Override
    public String toString() {
        return text;
    }
}
