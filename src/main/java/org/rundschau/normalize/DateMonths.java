package org.rundschau.normalize;

import java.text.Normalizer;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Month names, full and abbreviated, looked up case-insensitively without dots or diacritics
 * ("Mär." = "mar", "Jänner" = "janner", "Maerz" = "maerz").
 *
 * <p>The source's locale is entered first, so its names win where two languages disagree; then
 * German and English (our main languages, with spellings the JDK does not know: Austrian
 * "Jänner"/"Feber", "Maerz", "Mrz", English "Sept"); then a few more European languages so their
 * dates are understood rather than dropped. No two of these languages give one name to different
 * months, so accepting all of them never misreads a page.
 */
final class DateMonths {

    private static final List<Locale> ALSO_KNOWN = List.of(Locale.GERMAN, Locale.forLanguageTag("de-AT"),
            Locale.ENGLISH, Locale.ITALIAN, Locale.FRENCH, Locale.forLanguageTag("es"),
            Locale.forLanguageTag("nl"), Locale.forLanguageTag("el"));

    private static final Map<String, Integer> EXTRA_SPELLINGS = Map.of(
            "jänner", 1, "jän", 1, "feber", 2, "maerz", 3, "mrz", 3, "sept", 9);

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final List<TextStyle> STYLES = List.of(TextStyle.FULL, TextStyle.SHORT,
            TextStyle.FULL_STANDALONE, TextStyle.SHORT_STANDALONE);

    /** Names from the always-known languages: the same for every source, so built once. */
    private static final Map<String, Integer> COMMON = common();

    private final Map<String, Integer> ownLocale;

    DateMonths(Locale locale) {
        Map<String, Integer> names = new HashMap<>();
        addLocale(names, locale);
        ownLocale = Map.copyOf(names);
    }

    /** @return the month number 1–12 for a month name in any accepted spelling, else empty */
    OptionalInt month(String word) {
        String key = key(word);
        Integer month = ownLocale.getOrDefault(key, COMMON.get(key));
        return month == null ? OptionalInt.empty() : OptionalInt.of(month);
    }

    private static Map<String, Integer> common() {
        Map<String, Integer> names = new HashMap<>();
        for (Locale known : ALSO_KNOWN) {
            addLocale(names, known);
        }
        EXTRA_SPELLINGS.forEach((name, month) -> names.putIfAbsent(key(name), month));
        return Map.copyOf(names);
    }

    private static void addLocale(Map<String, Integer> names, Locale locale) {
        for (Month month : Month.values()) {
            for (TextStyle style : STYLES) {
                String key = key(month.getDisplayName(style, locale));
                if (key.length() >= 3 && key.chars().allMatch(Character::isLetter)) {
                    names.putIfAbsent(key, month.getValue());
                }
            }
        }
    }

    /** Lower case, no dots, no diacritics: the form both the table and the text are compared in. */
    static String key(String word) {
        String lower = word.replace(".", "").toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 128)) {
            return lower;
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
