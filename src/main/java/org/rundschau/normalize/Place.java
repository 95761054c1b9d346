package org.rundschau.normalize;

import java.util.List;
import java.util.Objects;

/**
 * One place of the gazetteer.
 *
 * @param name    canonical name, as items show it ({@code Nordrhein-Westfalen}, {@code Kreis Recklinghausen})
 * @param kind    what sort of place it is
 * @param within  the German Land (for a Land itself), the country of a foreign place, "" for a country
 * @param aliases other names that mean this place (short forms, other languages)
 */
public record Place(String name, Kind kind, String within, List<String> aliases) {

    /** Kinds of places, as written in the gazetteer's second column. */
    public enum Kind {
        /** A German Land. */
        LAND,
        /** A Landkreis, Kreis or Region (Region Hannover, Städteregion Aachen). */
        KREIS,
        /** A German town or city. */
        STADT,
        /** A country. */
        COUNTRY,
        /** A first-level region abroad: an Austrian Land, a Swiss canton. */
        REGION,
        /** A city abroad. */
        CITY
    }

    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(within, "within");
        aliases = List.copyOf(aliases);
        if (name.isBlank()) {
            throw new IllegalArgumentException("place name is blank (kind " + kind + ")");
        }
    }
}
