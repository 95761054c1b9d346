package org.rundschau.publish;

import java.util.List;
import java.util.Objects;
import org.rundschau.model.Entry;

/**
 * One region's page: its file name, the name shown, and its newest entries.
 *
 * @param slug    {@link Slugs#slug} of the name: the page is {@code region/<slug>.html}
 * @param name    the region as the newest of its entries spells it
 * @param entries newest first
 */
record Region(String slug, String name, List<Entry> entries) {
    Region {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }
}
