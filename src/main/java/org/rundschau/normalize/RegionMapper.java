package org.rundschau.normalize;

import java.text.Normalizer.Form;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps place names to canonical region names, and finds a region prefix in a headline
 * ({@code Sachsen: Neue CIO für den Freistaat}). Precision first: a title prefix becomes a region
 * only when it is a known place that is not on the gazetteer's title stop-list, so people, topics
 * and organisations ({@code OZG:}, {@code Vitako:}, {@code Digitalisierung:}) never do.
 *
 * <p>Names are compared by {@link #key(String)}: case, accents, umlaut spelling ({@code ü}/{@code ue}),
 * hyphens, dots and spacing do not matter. Every lookup is one or a few hash-map reads.
 * Immutable and thread-safe.
 */
public final class RegionMapper {

    /**
     * A region found at the start of a title.
     *
     * @param region canonical region name
     * @param rest   the title without the prefix and its separator
     */
    public record TitleRegion(String region, String rest) {
        public TitleRegion {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(rest, "rest");
        }
    }

    /** Words before a place name that do not change the place ("Stadt Hof", "Freistaat Sachsen"). */
    private static final List<String> PREFIXES = List.of(
            "freie und hansestadt", "freie hansestadt", "grosse kreisstadt", "kreisfreie stadt",
            "landeshauptstadt", "universitaetsstadt", "hansestadt", "kreisstadt", "bundesland",
            "freistaat", "gemeinde", "region", "stadt", "markt", "land", "kanton");
    /** Prefixes that name a Kreis: "Lkr. Hof" means "Landkreis Hof", not the town Hof. */
    private static final List<String> KREIS_PREFIXES = List.of("landkreis", "kreis", "lkr", "lk");
    private static final int MAX_PREFIX_CHARS = 60;
    /** "X: rest" (colon then whitespace); else "X | rest"; else "X – rest", "X — rest", "X - rest". */
    private static final Pattern COLON = Pattern.compile(":\\s+");
    private static final Pattern BAR = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern DASH = Pattern.compile("\\s+[-–—]\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

    private final Map<String, String> byKey;
    private final Set<String> titleStopKeys;

    /**
     * @param gazetteer the known places; two places sharing a name or alias (by {@link #key}) are a
     *                  data error
     * @param extra     admin-added regions, canonical name to aliases (from the config). They win
     *                  over the gazetteer name by name, and are trusted in titles even when the
     *                  stop-list names them.
     * @throws IllegalArgumentException when the gazetteer maps one name to two places
     */
    public RegionMapper(Gazetteer gazetteer, Map<String, List<String>> extra) {
        Map<String, String> index = new HashMap<>();
        for (Place place : gazetteer.places()) {
            add(index, place.name(), place.name());
            place.aliases().forEach(alias -> add(index, alias, place.name()));
        }
        Set<String> stop = new HashSet<>();
        gazetteer.titleStopNames().forEach(name -> stop.add(key(name)));
        extra.forEach((canonical, aliases) -> {
            String name = canonical.strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("admin region with a blank name, aliases " + aliases);
            }
            index.put(key(name), name);
            stop.remove(key(name));
            for (String alias : aliases) {
                if (!key(alias).isEmpty()) {
                    index.put(key(alias), name);
                    stop.remove(key(alias));
                }
            }
        });
        this.byKey = Map.copyOf(index);
        this.titleStopKeys = Set.copyOf(stop);
    }

    /** The bundled gazetteer (read once, here) plus the admin's regions. */
    public static RegionMapper bundled(Map<String, List<String>> extra) {
        return new RegionMapper(Gazetteer.bundled(), extra);
    }

    /**
     * The canonical name of a place: {@code NRW} and {@code Nordrhein-Westfalen} give
     * {@code Nordrhein-Westfalen}; {@code Landkreis X}, {@code Kreis X}, {@code Stadt X},
     * {@code Region X}, {@code Landeshauptstadt X}, {@code Hansestadt X}, {@code Freistaat X} resolve
     * when X is known (a Kreis prefix prefers the Kreis: {@code Kreis Hof} is not the town Hof).
     *
     * @return empty when the name is not a known place
     */
    public Optional<String> canonical(String name) {
        return lookup(key(name), false);
    }

    /**
     * Finds a region prefix in a headline: {@code X: rest}, {@code X | rest}, {@code X – rest} or
     * {@code X - rest} (the first colon decides when there is one). X must be a known place that is
     * not on the title stop-list ({@code Hof}, {@code Roth}, {@code BW} are words, people or
     * abbreviations first), unless it is written in a qualified form ({@code Stadt Hof}).
     *
     * @return empty when the title has no such prefix; the title then keeps its prefix
     */
    public Optional<TitleRegion> fromTitle(String title) {
        String text = title.strip();
        Matcher sep = firstSeparator(text);
        if (sep == null) {
            return Optional.empty();
        }
        String prefix = text.substring(0, sep.start()).strip();
        String rest = text.substring(sep.end()).strip();
        if (rest.isEmpty() || prefix.isEmpty() || prefix.length() > MAX_PREFIX_CHARS
                || !Character.isLetter(prefix.codePointAt(0))) {
            return Optional.empty();
        }
        return lookup(key(prefix), true).map(region -> new TitleRegion(region, rest));
    }

    /**
     * The lookup key of a name: lowercase, {@code ä ö ü ß} as {@code ae oe ue ss}, accents dropped,
     * every run of characters other than letters and digits one space, trimmed.
     */
    public static String key(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        s = COMBINING.matcher(java.text.Normalizer.normalize(s, Form.NFKD)).replaceAll("");
        return NOT_ALNUM.matcher(s).replaceAll(" ").strip();
    }

    private Optional<String> lookup(String key, boolean inTitle) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String exact = byKey.get(key);
        if (exact != null) {
            return inTitle && titleStopKeys.contains(key) ? Optional.empty() : Optional.of(exact);
        }
        for (String prefix : KREIS_PREFIXES) {
            String rest = after(key, prefix);
            if (rest != null) {
                return first(byKey.get("landkreis " + rest), byKey.get("kreis " + rest), byKey.get(rest));
            }
        }
        for (String prefix : PREFIXES) {
            String rest = after(key, prefix);
            if (rest != null) {
                return Optional.ofNullable(byKey.get(rest));
            }
        }
        return Optional.empty();
    }

    private static String after(String key, String prefix) {
        return key.length() > prefix.length() + 1 && key.startsWith(prefix + " ")
                ? key.substring(prefix.length() + 1) : null;
    }

    private static Optional<String> first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Matcher firstSeparator(String text) {
        for (Pattern p : List.of(COLON, BAR, DASH)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    private static void add(Map<String, String> index, String name, String canonical) {
        String k = key(name);
        if (k.isEmpty()) {
            return;
        }
        String before = index.putIfAbsent(k, canonical);
        if (before != null && !before.equals(canonical)) {
            throw new IllegalArgumentException("gazetteer: '" + name + "' names both '" + before
                    + "' and '" + canonical + "'");
        }
    }
}
