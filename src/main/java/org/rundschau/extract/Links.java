package org.rundschau.extract;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves links found in feeds against their base URI. */
final class Links {
    private Links() {
    }

    /**
     * @return {@code ref} resolved against {@code base}; {@code ref} as found (stripped) when it is
     *         already absolute or is not a valid URI reference (the normaliser decides what to do
     *         with it); "" for a blank {@code ref}
     */
    static String resolve(URI base, String ref) {
        String link = ref.strip();
        if (link.isEmpty()) return "";
        try {
            URI uri = new URI(link);
            if (uri.isAbsolute() || base.isOpaque()) return link;
            return withPath(base).resolve(uri).toString();
        } catch (URISyntaxException e) {
            return link;
        }
    }

    /** @return {@code base} resolved as a base for further references, or {@code base} itself */
    static URI resolveBase(URI base, String ref) {
        String resolved = resolve(base, ref);
        try {
            URI uri = new URI(resolved);
            return uri.isAbsolute() ? uri : base;
        } catch (URISyntaxException e) {
            return base;
        }
    }

    // java.net.URI resolves "x" against "https://host" to "https://hostx": give the base a "/" path.
    private static URI withPath(URI base) throws URISyntaxException {
        if (base.getRawAuthority() == null || !base.getRawPath().isEmpty()) return base;
        return new URI(base.getScheme() + "://" + base.getRawAuthority() + "/");
    }
}
