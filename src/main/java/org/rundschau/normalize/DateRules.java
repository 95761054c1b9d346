package org.rundschau.normalize;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar-date rules. Every rule searches the whole text; the hit that starts first wins, and
 * on a tie the rule listed first. A regex match the rule then rejects (an unknown month word, 31
 * February, a section number) does not end the search: the rule looks further on.
 *
 * <p>Reading rules, in brief:
 * <ul>
 * <li>Dotted numbers are always day first ({@code 7.2.25}, {@code 07.02.2025}).
 * <li>Slashes are day first, except month first on US-English pages (locale {@code en} without a
 *     country, or {@code en-US}/{@code en-PH}); whichever number is above 12 overrides the locale
 *     ({@code 31/08/2019} on an English page is still 31 August, {@code 12/30/2019} on a German one
 *     30 December).
 * <li>Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. After a month name they count only
 *     when a time follows ({@code Thu, 01 Jan 04 19:48:21 GMT}), so "19. Oktober 20 Teilnehmer" is
 *     no date.
 * <li>A number group that is part of a longer dotted or slashed sequence ({@code 1.1.12.3},
 *     {@code 192.168.1.1}) is no date. A two-digit-year group ({@code 1.1.12}) is also no date when
 *     a letter is glued to it ({@code v1.2.20}), when a numbering word precedes it ({@code Nr.},
 *     {@code §}, {@code Version}, {@code Kapitel} ...), or when it continues a list of such numbers
 *     ({@code Nr. 1.1.12 und 1.1.13}).
 * <li>Four-digit years outside 1000–2999 are not read as years.
 * </ul>
 */
final class DateRules {

    @FunctionalInterface
    private interface HitReader {
        Optional<DateHit> read(Matcher match, String text);
    }

    private record Rule(Pattern pattern, HitReader reader) {
    }

    private static final Pattern RFC = Pattern.compile("(?<!\\p{L})\\p{L}{2,3}\\.?,\\s*(\\d{1,2})\\s+"
            + "(\\p{L}{3,4})\\.?\\s+(\\d{4}|\\d{2})(?=\\s+\\d{1,2}:\\d{2})");
    private static final Pattern MONTH_DAY_TIME_YEAR = Pattern.compile("(?<!\\p{L})(\\p{L}{3,})\\.?\\s+"
            + "(\\d{1,2})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s+(?:(?:[A-Z]{1,5}|[+-]\\d{4})\\s+)?(\\d{4})(?!\\d)");
    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)(?!\\2\\d)");
    private static final Pattern DOTTED = Pattern.compile(
            "(?<!\\d)(?<!\\d\\.)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d)(?!\\.\\d)");
    private static final Pattern SLASHED = Pattern.compile(
            "(?<!\\d)(?<!\\d[/.-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)(?![/.-]\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<!\\d)(\\d{1,2})(\\.|st|nd|rd|th|er)?"
            + "\\s*(?:(?:de|of)\\s+)?(\\p{L}{3,})(\\.?)\\s*,?\\s*(?:de\\s+)?"
            + "(\\d{4}|\\d{2}(?=\\s+\\d{1,2}:\\d{2}))(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?<!\\p{L})(\\p{L}{3,})\\.?\\s+"
            + "(\\d{1,2})(?:st|nd|rd|th|\\.)?(?:,\\s*|\\s+)(\\d{4})(?!\\d)");
    /** Text ending in a numbering word or a dotted number plus a list word: what precedes a section number. */
    private static final Pattern NUMBERING_BEFORE = Pattern.compile("(?:(?<!\\p{L})(?iu:nr|no|nummer|number"
            + "|num|art|abs|ziff|ziffer|kap|kapitel|abschnitt|section|sec|chapter|version|ver|v|release|rel"
            + "|rev|revision|punkt|pkt|rn|rz|tz|randnummer|anlage|anhang|teil|tabelle|table|tab|abb"
            + "|abbildung|fig|figure|para|paragraph|ausgabe|heft|issue|vol|volume|band|bd|jg|jahrgang)\\.?\\s*|[\u00A7#]\\s*"
            + "|\\d+(?:[./]\\d+)+\\s*(?:[,;/&\u2013-]|(?iu:und|and|or|oder|bzw|bis|to|u)\\.?)\\s*)$");
    private static final int NUMBERING_WINDOW = 40;
    private static final Set<String> MONTH_FIRST_COUNTRIES = Set.of("", "US", "PH");

    private final DateMonths months;
    private final boolean monthFirstSlashes;
    private final List<Rule> rules;

    DateRules(Locale locale) {
        this.months = new DateMonths(locale);
        this.monthFirstSlashes = "en".equals(locale.getLanguage())
                && MONTH_FIRST_COUNTRIES.contains(locale.getCountry());
        this.rules = List.of(new Rule(RFC, this::rfc), new Rule(MONTH_DAY_TIME_YEAR, this::monthDayTimeYear),
                new Rule(ISO, DateRules::iso), new Rule(DOTTED, DateRules::dotted),
                new Rule(SLASHED, this::slashed), new Rule(DAY_MONTH_YEAR, this::dayMonthYear),
                new Rule(MONTH_DAY_YEAR, this::monthDayYear));
    }

    /** @return the first complete calendar date in the text, or empty when there is none */
    Optional<DateHit> first(String text) {
        DateHit best = null;
        for (Rule rule : rules) {
            int before = best == null ? text.length() + 1 : best.start();
            Optional<DateHit> hit = firstHit(rule, text, before);
            if (hit.isPresent()) {
                best = hit.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return the rule's first accepted hit starting before index {@code before} */
    private static Optional<DateHit> firstHit(Rule rule, String text, int before) {
        Matcher m = rule.pattern().matcher(text);
        int from = 0;
        while (from < before && m.find(from) && m.start() < before) {
            Optional<DateHit> hit = rule.reader().read(m, text);
            if (hit.isPresent()) {
                return hit;
            }
            from = m.start() + 1;
        }
        return Optional.empty();
    }

    private Optional<DateHit> rfc(Matcher m, String text) {
        String format = m.group(3).length() == 4 ? "RFC 1123" : "RFC 822";
        return named(m, m.group(1), m.group(2), m.group(3))
                .map(date -> new DateHit(m.start(), m.end(), date, format, false));
    }

    private Optional<DateHit> monthDayTimeYear(Matcher m, String text) {
        return named(m, m.group(2), m.group(1), m.group(4))
                .map(date -> new DateHit(m.start(), m.start(3), date, "MMM d (time) yyyy", false));
    }

    private static Optional<DateHit> iso(Matcher m, String text) {
        String sep = m.group(2);
        return date(number(m.group(1)), number(m.group(3)), number(m.group(4)))
                .map(date -> new DateHit(m.start(), m.end(), date, "yyyy" + sep + "MM" + sep + "dd", true));
    }

    private static Optional<DateHit> dotted(Matcher m, String text) {
        if (m.group(3).length() == 2 && looksLikeSectionNumber(text, m.start())) {
            return Optional.empty();
        }
        String format = width(m.group(1), "d") + "." + width(m.group(2), "M") + "." + width(m.group(3), "y");
        return date(year(m.group(3)), number(m.group(2)), number(m.group(1)))
                .map(date -> new DateHit(m.start(), m.end(), date, format, false));
    }

    private Optional<DateHit> slashed(Matcher m, String text) {
        String sep = m.group(2);
        boolean shortYear = m.group(4).length() == 2;
        if (shortYear && (sep.equals("-") || looksLikeSectionNumber(text, m.start()))) {
            return Optional.empty();
        }
        int first = number(m.group(1));
        int second = number(m.group(3));
        boolean monthFirst = first <= 12 && (second > 12 || monthFirstSlashes);
        String format = (monthFirst ? "MM" + sep + "dd" : "dd" + sep + "MM") + sep + width(m.group(4), "y");
        return date(year(m.group(4)), monthFirst ? first : second, monthFirst ? second : first)
                .map(date -> new DateHit(m.start(), m.end(), date, format, false));
    }

    private Optional<DateHit> dayMonthYear(Matcher m, String text) {
        String format = "d" + (".".equals(m.group(2)) ? ". " : " ") + monthWidth(m.group(3), m.group(4))
                + " " + width(m.group(5), "y");
        return named(m, m.group(1), m.group(3), m.group(5))
                .map(date -> new DateHit(m.start(), m.end(), date, format, false));
    }

    private Optional<DateHit> monthDayYear(Matcher m, String text) {
        String format = monthWidth(m.group(1), "") + " d, yyyy";
        return named(m, m.group(2), m.group(1), m.group(3))
                .map(date -> new DateHit(m.start(), m.end(), date, format, false));
    }

    private Optional<LocalDate> named(Matcher m, String day, String monthName, String year) {
        OptionalInt month = months.month(monthName);
        return month.isPresent() ? date(year(year), month.getAsInt(), number(day)) : Optional.empty();
    }

    /** A two-digit-year number group that is more likely a section or version number than a date. */
    private static boolean looksLikeSectionNumber(String text, int start) {
        if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            return true;
        }
        Matcher before = NUMBERING_BEFORE.matcher(text).region(Math.max(0, start - NUMBERING_WINDOW), start);
        return before.useTransparentBounds(true).find();
    }

    /** @return the date when it exists in the calendar and has a plausible year, else empty */
    private static Optional<LocalDate> date(int year, int month, int day) {
        if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** Four digits as written; two digits 00–69 are 2000–2069, 70–99 are 1970–1999. */
    private static int year(String digits) {
        int value = number(digits);
        if (digits.length() != 2) {
            return value;
        }
        return value < 70 ? 2000 + value : 1900 + value;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static String width(String digits, String letter) {
        return letter.repeat(letter.equals("y") ? digits.length() : digits.length() == 1 ? 1 : 2);
    }

    private static String monthWidth(String name, String dot) {
        return !dot.isEmpty() || name.length() <= 3 ? "MMM" + dot : "MMMM";
    }
}
