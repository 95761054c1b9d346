package org.rundschau.config;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
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
    public static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(5);
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d+)\\s*(m|min|h|d)", Pattern.CASE_INSENSITIVE);

    public Schedule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cron, "cron");
    }

    /**
     * @throws IllegalArgumentException with an admin-readable reason when the text is neither form
     */
    public static Schedule parse(String text) {
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
            if (d.compareTo(MINIMUM_INTERVAL) < 0) {
                throw new IllegalArgumentException("schedule '" + t + "' is shorter than the minimum of "
                        + MINIMUM_INTERVAL.toMinutes() + " minutes");
            }
            return new Schedule(t, d, "");
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("every")) {
            throw new IllegalArgumentException("schedule '" + t + "' must look like 'every 30m', 'every 2h' or 'every 1d'");
        }
        if (CronExpression.isValidExpression(t)) {
            return new Schedule(t, null, t);
        }
        throw new IllegalArgumentException("schedule '" + t
                + "' is neither 'every N(m|h|d)' nor a valid Quartz cron expression (e.g. '0 0/30 * * * ?')");
    }

    public boolean isInterval() {
        return interval != null;
    }

    /** The first run after {@code after}: the interval later, or the cron expression's next time in {@code zone}. */
    public Instant nextAfter(Instant after, ZoneId zone) {
        if (isInterval()) return after.plus(interval);
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            return next == null ? Instant.MAX : next.toInstant();
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
