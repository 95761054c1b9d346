package org.rundschau.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the digest behind Rundschau's keys, fingerprints and validators. Every Java runtime has
 * it ({@link MessageDigest}'s contract), so its absence is an {@link IllegalStateException} here
 * rather than a checked exception at each use. Text is always hashed as UTF-8.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** A new digest, for hashing several parts in turn. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The 32 bytes of the digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** The 32 bytes of the digest of {@code text} in UTF-8. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code text} in UTF-8 as 64 lowercase hex digits. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
