package org.rundschau.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

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
        return sha256Hex(identity);
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
