package org.rundschau.normalize;

import java.util.Locale;
import org.rundschau.model.Sha256;

/**
 * The one rule for an item's identity within its source: the source's guid, else the canonical
 * link, else title and date. The chosen value is hashed with its type ({@code guid:}, {@code link:},
 * {@code text:}) so a guid that happens to equal a link cannot meet that link's key by accident.
 *
 * <p>The rule may never change: stored items are found by their keys, and entry ids derive from
 * them. What a key cannot see is the store's job ({@code store.SaveBatch}): a guid that a feed
 * repeats for different items, and an item that moved to a new link.
 */
public final class ItemKeys {

    private ItemKeys() {
    }

    /**
     * @param guid          the source's guid, or "" (blank means none)
     * @param canonicalLink the link from {@link LinkCleaner#canonical}, or ""
     * @param title         used with {@code date} when there is neither guid nor link
     * @param date          the date as found, or ""
     * @return 64 lowercase hex digits (SHA-256)
     */
    public static String key(String guid, String canonicalLink, String title, String date) {
        String identity;
        if (!guid.isBlank()) {
            identity = "guid:" + guid.strip();
        } else if (!canonicalLink.isBlank()) {
            identity = "link:" + canonicalLink.strip();
        } else {
            identity = "text:" + normalise(title) + "|" + normalise(date);
        }
        return Sha256.hex(identity);
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

}
