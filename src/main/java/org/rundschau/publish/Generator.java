package org.rundschau.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The software named in a feed's {@code atom:generator}.
 *
 * @param name    the generator's human-readable name, the element's text
 * @param uri     an absolute IRI for the generator (its project page), or "" for none
 * @param version the generator's version, or "" for none
 */
public record Generator(String name, String uri, String version) {
    public Generator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        if (name.isBlank()) {
            throw new IllegalArgumentException("generator name is blank");
        }
        if (!uri.isEmpty() && !isAbsolute(uri)) {
            throw new IllegalArgumentException("generator uri must be absolute: " + uri);
        }
    }

    /**
     * Rundschau without a project URI, with the {@code Implementation-Version} of the jar it runs from
     * ("dev" when run from classes, as in tests).
     */
    public static Generator rundschau() {
        String version = Generator.class.getPackage().getImplementationVersion();
        return new Generator("Rundschau", "", version == null ? "dev" : version);
    }

    private static boolean isAbsolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
