package org.rundschau.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The register of known places, and the names that are never taken from a title prefix.
 * The bundled one is generated from GeoNames and Destatis data: see
 * {@code src/main/resources/regions/README.md}.
 *
 * @param places         the places, each with its aliases
 * @param titleStopNames names that {@link RegionMapper#fromTitle} ignores (common words, surnames)
 */
public record Gazetteer(List<Place> places, List<String> titleStopNames) {
    static final String PLACES_RESOURCE = "/regions/gazetteer.tsv";
    static final String STOPLIST_RESOURCE = "/regions/title-stoplist.txt";

    public Gazetteer {
        places = List.copyOf(places);
        titleStopNames = List.copyOf(titleStopNames);
    }

    /** Reads the gazetteer that ships with Rundschau. */
    public static Gazetteer bundled() {
        return new Gazetteer(parsePlaces(readResource(PLACES_RESOURCE), PLACES_RESOURCE),
                parseNames(readResource(STOPLIST_RESOURCE)));
    }

    /**
     * Parses gazetteer lines: {@code name TAB kind TAB within TAB aliases} with aliases separated
     * by {@code |}; blank lines and lines starting with {@code #} are skipped.
     *
     * @param origin named in error messages
     * @throws IllegalArgumentException for a malformed line, quoting it
     */
    public static List<Place> parsePlaces(List<String> lines, String origin) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": expected 4 tab-separated columns: " + line);
            }
            Place.Kind kind;
            try {
                kind = Place.Kind.valueOf(cols[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": unknown kind '" + cols[1] + "'", e);
            }
            List<String> aliases = cols[3].isBlank() ? List.of()
                    : Arrays.stream(cols[3].split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            places.add(new Place(cols[0].strip(), kind, cols[2].strip(), aliases));
        }
        return places;
    }

    /** One name a line; blank lines and {@code #} comments skipped. */
    public static List<String> parseNames(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<String> readResource(String name) {
        InputStream in = Gazetteer.class.getResourceAsStream(name);
        Objects.requireNonNull(in, () -> "resource missing from the classpath: " + name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
