package org.rundschau.publish;

import java.util.List;
import java.util.Objects;

/**
 * What sets one Atom document of a publication apart from the others: its id, title and links, and
 * whether it is an archive document of RFC 5005 ({@code fh:archive}).
 *
 * @param links in the order they are written
 */
record AtomHead(String id, String title, List<Link> links, boolean archive) {
    AtomHead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        links = List.copyOf(links);
    }

    /**
     * One {@code atom:link}.
     *
     * @param type the media type, or "" to leave it out
     */
    record Link(String rel, String href, String type) {
        Link {
            Objects.requireNonNull(rel, "rel");
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(type, "type");
        }
    }
}
