package org.rundschau.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File names made from arbitrary text, such as a region named in a headline: {@code Baden-Württemberg}
 * becomes {@code baden-wuerttemberg}. A slug holds nothing but {@code [a-z0-9-]}, never starts or ends
 * with {@code -}, and is at most {@link #MAX_LENGTH} characters long, so it is safe as a file name and
 * as a URL path segment whatever the text was.
 */
public final class Slugs {
    /** The longest slug: long enough for "Landkreis Vorpommern-Greifswald", short for any file system. */
    public static final int MAX_LENGTH = 60;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * The slug of {@code text}. German umlauts and ß are spelled out ({@code ä → ae}, {@code ß → ss}),
     * other accented Latin letters lose their accent ({@code é → e}), compatibility characters are
     * spelled plainly ({@code ﬁ → fi}, {@code ² → 2}), every other run of characters
     * becomes one {@code -}. Text with no letter or digit left (only punctuation, or a script without
     * a Latin spelling) gets {@code x-} and the first 8 hex digits of its SHA-256, so it still has a
     * stable name of its own.
     */
    public static String slug(String text) {
        String spelled = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d");
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFKD)).replaceAll("");
        String slug = trimDashes(NOT_SLUG.matcher(ascii).replaceAll("-"));
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(slug.substring(0, MAX_LENGTH));
        }
        return slug.isEmpty() ? "x-" + sha256Hex(text).substring(0, 8) : slug;
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') start++;
        while (end > start && text.charAt(end - 1) == '-') end--;
        return text.substring(start, end);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
