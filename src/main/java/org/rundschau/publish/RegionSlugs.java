package org.rundschau.publish;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rundschau.model.Sha256;

/**
 * File names for regions, such as {@code region/baden-wuerttemberg.atom}: made from any text a page
 * may put where a region belongs, and never anything but {@code [a-z0-9-]}.
 *
 * <p>A slug is the region's name in lower case with German letters spelled out (ä → ae, ö → oe,
 * ü → ue, ß → ss), other accents dropped (é → e, ł → l), every other run of characters turned
 * into one {@code -}, and no {@code -} at either end; it is cut at a {@code -} to at most {@value
 * #MAX_LENGTH} characters. A name that leaves nothing (only punctuation, or a script without Latin
 * letters) becomes {@code region-} and eight hex digits of the SHA-256 of the name.
 *
 * <p>Two regions with the same slug ({@code Köln} and {@code KÖLN}) are told apart by their order of
 * appearance: the one that appeared first keeps the slug, a later one gets {@code -} and eight hex
 * digits of the SHA-256 of its exact name appended. Since regions come in the order of their
 * earliest stored entry, a region's file name does not change when other regions appear.
 */
public final class RegionSlugs {
    /** The longest slug made from a name, before any suffix that tells two regions apart. */
    static final int MAX_LENGTH = 60;

    private static final Map<Character, String> SPELLED_OUT = Map.ofEntries(
            Map.entry('ä', "ae"), Map.entry('ö', "oe"), Map.entry('ü', "ue"), Map.entry('ß', "ss"),
            Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"), Map.entry('å', "aa"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"));
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int HASH_HEX_DIGITS = 8;

    private final Map<String, String> slugs;

    private RegionSlugs(Map<String, String> slugs) {
        this.slugs = Collections.unmodifiableMap(slugs);
    }

    /**
     * Gives every region a distinct slug.
     *
     * @param regions distinct region names in the order they first appeared; when two share a slug,
     *                the earlier one keeps it
     * @throws IllegalArgumentException when a name is blank or given twice
     */
    public static RegionSlugs assign(List<String> regions) {
        Map<String, String> slugs = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String region : regions) {
            if (region.isBlank()) {
                throw new IllegalArgumentException("a region name is blank");
            }
            if (slugs.containsKey(region)) {
                throw new IllegalArgumentException("region named twice: " + region);
            }
            String plain = of(region);
            String slug = plain;
            for (int attempt = 1; !taken.add(slug); attempt++) {
                // A second clash needs a region named like "köln-1a2b3c4d"; rehash rather than loop.
                slug = plain + "-" + hash(attempt == 1 ? region : region + "#" + attempt);
            }
            slugs.put(region, slug);
        }
        return new RegionSlugs(slugs);
    }

    /** The slug of {@code region}; empty when it was not among the regions assigned. */
    public Optional<String> slug(String region) {
        return Optional.ofNullable(slugs.get(region));
    }

    /** The assigned slug of {@code region}, or its plain slug when it was not among those assigned. */
    public String slugOrPlain(String region) {
        return slug(region).orElseGet(() -> of(region));
    }

    /** Every region with its slug, in the order given to {@link #assign}. */
    public Map<String, String> all() {
        return slugs;
    }

    /** The slug of one name on its own, before telling it apart from others. */
    static String of(String name) {
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder spelled = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            spelled.append(SPELLED_OUT.getOrDefault(c, String.valueOf(c)));
        }
        String unaccented = MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFD)).replaceAll("");
        String slug = trimHyphens(NOT_SLUG.matcher(unaccented).replaceAll("-"));
        if (slug.length() > MAX_LENGTH) {
            String cut = slug.substring(0, MAX_LENGTH);
            int hyphen = cut.lastIndexOf('-');
            slug = trimHyphens(hyphen > 0 ? cut.substring(0, hyphen) : cut);
        }
        return slug.isEmpty() ? "region-" + hash(name) : slug;
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') start++;
        while (end > start && text.charAt(end - 1) == '-') end--;
        return text.substring(start, end);
    }

    private static String hash(String text) {
        return Sha256.hex(text).substring(0, HASH_HEX_DIGITS);
    }
}
