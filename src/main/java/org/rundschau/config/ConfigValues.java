package org.rundschau.config;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;

/**
 * Turns one config value, as written, into a typed value. Each method throws
 * IllegalArgumentException whose message says what is wrong and what to write instead; the caller
 * prefixes it with the file, line and key. The command line reads the same kinds of value with the
 * same rules (and says which option it was), so what {@code check --timezone} takes the config
 * takes too.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** The value without surrounding blanks; never empty. */
    static String text(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text;
    }

    static int positiveWholeNumber(String value) {
        int number = integer(value);
        if (number < 1) {
            throw new IllegalArgumentException("must be at least 1, got " + number);
        }
        return number;
    }

    private static int integer(String value) {
        String text = value.strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            if (text.matches("\\d+")) {
                throw new IllegalArgumentException("'" + text + "' is too large (at most " + Integer.MAX_VALUE + ")");
            }
            throw new IllegalArgumentException("expected a whole number, got '" + value + "'");
        }
    }

    /** A summary length: a whole number of characters, at least {@value SourceConfig#MIN_SUMMARY_LENGTH}. */
    static int summaryLength(String value) {
        int length = positiveWholeNumber(value);
        if (length < SourceConfig.MIN_SUMMARY_LENGTH) {
            throw new IllegalArgumentException("must be at least " + SourceConfig.MIN_SUMMARY_LENGTH
                    + " characters, got " + length);
        }
        return length;
    }

    /**
     * A date pattern that reads a complete date (day, month, year), with month and day names in
     * {@code locale}; see {@link DatePattern}.
     */
    static String dateFormat(String value, Locale locale) {
        return DatePattern.check(text(value), locale);
    }

    private static final java.util.regex.Pattern DURATION =
            java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A whole number, 0 or more. */
    static int wholeNumber(String value) {
        int number = integer(value);
        if (number < 0) {
            throw new IllegalArgumentException("must be 0 or more, got " + number);
        }
        return number;
    }

    /** A decimal number above 0 and at most 1, such as {@code 0.8}. */
    static double fraction(String value) {
        double number;
        try {
            number = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number between 0 and 1 such as 0.8, got '" + value + "'");
        }
        if (!(number > 0 && number <= 1)) {
            throw new IllegalArgumentException("must be above 0 and at most 1, got " + value.strip());
        }
        return number;
    }

    /**
     * The longest duration the config accepts, for any key: longer than any sensible retention,
     * window or schedule, and short enough that every use of it (a timer in nanoseconds, a date that
     * far back) stays in range.
     */
    static final java.time.Duration LONGEST_DURATION = java.time.Duration.ofDays(36_500);

    /** A duration such as {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 3d}; {@code 0} is allowed. */
    static java.time.Duration duration(String value) {
        String text = value.strip();
        if (text.equals("0")) return java.time.Duration.ZERO;
        var m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like '500ms', '2s', '5m' or '1h', got '" + value + "'");
        }
        ChronoUnit unit = switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return withinLongest(m.group(1), unit).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is too large (at most " + LONGEST_DURATION.toDays() + "d, 100 years)"));
    }

    /**
     * {@code digits} (any number of them) of {@code unit} as a duration, or empty when that is longer
     * than {@link #LONGEST_DURATION}.
     */
    static Optional<java.time.Duration> withinLongest(String digits, ChronoUnit unit) {
        long most = LONGEST_DURATION.dividedBy(unit.getDuration());
        if (new BigInteger(digits).compareTo(BigInteger.valueOf(most)) > 0) {
            return Optional.empty();
        }
        return Optional.of(java.time.Duration.of(Long.parseLong(digits), unit));
    }

    /** A size such as {@code 10MiB}, {@code 500KB} or a plain number of bytes; at least one byte. */
    static long byteSize(String value) {
        var m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like '10MiB', '512KiB' or a number of bytes, got '" + value + "'");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KIB" -> 1024L;
            case "MIB" -> 1024L * 1024;
            case "GIB" -> 1024L * 1024 * 1024;
            case "KB" -> 1000L;
            case "MB" -> 1000L * 1000;
            case "GB" -> 1000L * 1000 * 1000;
            default -> 1L;
        };
        BigInteger bytes = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(factor));
        if (bytes.signum() == 0) throw new IllegalArgumentException("must be at least 1 byte, got '" + value + "'");
        if (bytes.bitLength() >= Long.SIZE) {
            String written = m.group(2) == null ? " bytes" : m.group(2);
            throw new IllegalArgumentException("'" + value.strip() + "' is too large (at most "
                    + Long.MAX_VALUE / factor + written + ")");
        }
        return bytes.longValueExact();
    }

    /** {@code true} or {@code false} (YAML's yes/no/on/off are refused: they surprise people). */
    static boolean bool(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + value + "'");
        };
    }

    /** How an absolute URI starts: its scheme and ':'. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    /**
     * The feed's Atom id: any absolute URI, as written. Text without a scheme is taken for a name
     * meant as id (even one with spaces, 'not a uri'), so the advice is a tag: URI, not %20.
     */
    static String feedId(String value) {
        String text = text(value);
        if (!SCHEME.matcher(text).lookingAt() || !uri(text, "URI").isAbsolute()) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute URI; use a tag: URI that never"
                    + " changes, e.g. 'tag:news.example.org,2026:feed'");
        }
        return text;
    }

    /** An e-mail address as a User-Agent may carry it: no spaces, brackets or parentheses. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /**
     * {@code fetch.contact}, sent in the User-Agent for site owners: an http(s) URL or a
     * {@code mailto:} address, as written.
     */
    static String contact(String value) {
        String text = text(value);
        if (text.regionMatches(true, 0, "mailto:", 0, 7)) {
            if (!EMAIL.matcher(text.substring(7)).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a valid mailto: address;"
                        + " write e.g. 'mailto:admin@example.org'");
            }
            return text;
        }
        if (EMAIL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is an e-mail address; write it as 'mailto:" + text + "'");
        }
        if (!SCHEME.matcher(text).lookingAt()) {
            throw new IllegalArgumentException("'" + text + "' is neither a URL nor a mailto: address; write e.g."
                    + " 'https://news.example.org/about' or 'mailto:admin@example.org'");
        }
        httpUrl(text);
        return text;
    }

    /** An absolute http or https URL with a host. */
    static URI httpUrl(String value) {
        String text = text(value);
        URI uri = uri(text, "URL");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute URL; start it with https://");
        }
        if (!uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' has no valid host name");
        }
        return uri;
    }

    /**
     * Common time zone abbreviations, to a region that uses them: the advice for one that is no zone
     * ({@code CEST}, {@code MEZ}: an abbreviation names summer or winter time, and several mean
     * different places). The few that the time zone database has as zones of their own ({@code CET},
     * {@code EET}, {@code EST}) are taken, as they always were: a config that validated keeps validating.
     */
    private static final Map<String, String> ABBREVIATIONS = abbreviations(
            "Europe/Berlin", "CET CEST MEZ MESZ MET MEST",
            "Europe/London", "BST",
            "Europe/Lisbon", "WET WEST WEZ WESZ",
            "Europe/Athens", "EET EEST OEZ OESZ",
            "Europe/Moscow", "MSK",
            "America/New_York", "EST EDT ET",
            "America/Chicago", "CST CDT CT",
            "America/Denver", "MST MDT MT",
            "America/Los_Angeles", "PST PDT PT",
            "Pacific/Honolulu", "HST",
            "Asia/Tokyo", "JST",
            "Australia/Sydney", "AEST AEDT");
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{2,5}");

    private static Map<String, String> abbreviations(String... regionsAndAbbreviations) {
        Map<String, String> regionByAbbreviation = new HashMap<>();
        for (int i = 0; i < regionsAndAbbreviations.length; i += 2) {
            for (String abbreviation : regionsAndAbbreviations[i + 1].split(" ")) {
                regionByAbbreviation.put(abbreviation, regionsAndAbbreviations[i]);
            }
        }
        return Map.copyOf(regionByAbbreviation);
    }

    /**
     * An IANA time zone name such as {@code Europe/Berlin}, or {@code UTC}; an abbreviation that is
     * no zone, such as {@code CEST}, is refused with the name of a region to write instead.
     */
    public static ZoneId timezone(String value) {
        String text = text(value);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String region = ABBREVIATIONS.get(text.toUpperCase(Locale.ROOT));
            if (region != null || ABBREVIATION.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + text + "' is a time zone abbreviation; abbreviations are"
                        + " ambiguous and stand for summer or winter time only: use a region name such as '"
                        + (region == null ? DEFAULT_REGION : region) + "'");
            }
            throw new IllegalArgumentException("unknown time zone '" + text + "'; " + zoneHint(text));
        }
    }

    /** A BCP 47 language tag whose language (and region, if any) Java knows: {@code de}, {@code de-AT}. */
    public static Locale locale(String value) {
        String text = text(value);
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(text).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(unknownLocale(text));
        }
        if (!isKnown(locale.getLanguage(), locale.getDisplayLanguage(Locale.ENGLISH))
                || !locale.getCountry().isEmpty() && !knownRegion(locale)) {
            throw new IllegalArgumentException(unknownLocale(text));
        }
        return locale;
    }

    static Path path(String value) {
        String text = text(value);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason());
        }
    }

    static String sourceId(String value) {
        String text = text(value);
        if (!SourceConfig.ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid source id; use lowercase letters,"
                    + " digits and '-' (not first or last), at most 64 characters");
        }
        return text;
    }

    /** A selector whose CSS part Jsoup accepts, optionally ending in {@code @attr}. */
    public static Selector selector(String value) {
        Selector selector = Selector.parse(text(value));
        try {
            QueryParser.parse(selector.css());
        } catch (org.jsoup.select.Selector.SelectorParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CSS selector '" + selector.css() + "': " + e.getMessage());
        }
        return selector;
    }

    /** The item selector picks elements, so it cannot read an attribute. */
    public static Selector itemSelector(String value) {
        Selector selector = selector(value);
        if (selector.readsAttribute()) {
            throw new IllegalArgumentException("the item selector picks whole elements; remove '@"
                    + selector.attr() + "'");
        }
        return selector;
    }

    static Schedule schedule(String value) {
        return Schedule.parse(text(value));
    }

    /** The host (with any user and port) of a URI that has one: what follows '//' up to the path. */
    private static final java.util.regex.Pattern AUTHORITY =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");

    private static URI uri(String text, String kind) {
        if (text.chars().anyMatch(Character::isWhitespace)) {
            var authority = AUTHORITY.matcher(text);
            if (authority.lookingAt() && authority.group(1).chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'" + text + "' is not a valid " + kind + ": its host '"
                        + authority.group(1) + "' contains a space, and host names cannot contain spaces; remove it");
            }
            throw new IllegalArgumentException("'" + text + "' is not a valid " + kind
                    + ": it contains a space; write spaces as %20");
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + kind + ": "
                    + e.getReason().toLowerCase(Locale.ROOT));
        }
    }

    private static final String DEFAULT_REGION = "Europe/Berlin";

    private static String zoneHint(String text) {
        Optional<String> sameCity = ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.toLowerCase(Locale.ROOT).endsWith("/" + text.toLowerCase(Locale.ROOT)))
                .sorted()
                .findFirst();
        return sameCity.or(() -> DidYouMean.closest(ZoneId.getAvailableZoneIds().stream().sorted().toList(), text))
                .map(zone -> "did you mean '" + zone + "'?")
                .orElse("use an IANA time zone name such as 'Europe/Berlin'");
    }

    private static String unknownLocale(String text) {
        String hint = text.contains("_") ? "did you mean '" + text.replace('_', '-') + "'?"
                : "use a BCP 47 language tag such as 'de', 'en' or 'de-AT'";
        return "unknown locale '" + text + "'; " + hint;
    }

    private static boolean knownRegion(Locale locale) {
        String region = locale.getCountry();
        return region.chars().allMatch(Character::isDigit) || isKnown(region, locale.getDisplayCountry(Locale.ENGLISH));
    }

    /** Java shows a code it has no name for as the code itself. */
    private static boolean isKnown(String code, String displayName) {
        return !code.isEmpty() && !displayName.equalsIgnoreCase(code);
    }
}
