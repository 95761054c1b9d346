package org.rundschau.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs two encoding mistakes that feeds carry inside correctly decoded XML, so no choice of
 * charset can undo them:
 * <ul>
 *   <li>UTF-8 that was decoded as Latin-1 or windows-1252 and encoded again ("double-encoded"):
 *       {@code â\u0080¦} or {@code â€¦} for {@code …}, {@code Ã¤} for {@code ä}. Undone only when
 *       every character of the text maps back to one windows-1252 (or Latin-1) byte and those
 *       bytes form well-formed UTF-8 with at least one multi-byte sequence; ordinary text almost
 *       never does (an accented letter would have to be followed by a symbol from 0x80–0xBF every
 *       time, and a lone "–" or "€" is no UTF-8 at all).</li>
 *   <li>windows-1252 characters written as the C1 control characters U+0080–U+009F
 *       ("demoronize"): {@code don\u0092t} for {@code don’t}. C1 controls never belong in text.</li>
 * </ul>
 */
final class Mojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** windows-1252's bytes 0x80–0x9F as characters; U+FFFD where it defines none. */
    private static final String WINDOWS_1252_HIGH = windows1252High();

    private Mojibake() {
    }

    /** @return the text with both repairs applied; unchanged when neither applies */
    static String repair(String text) {
        return demoronize(undoDoubleEncoding(text));
    }

    static String undoDoubleEncoding(String text) {
        boolean high = false;
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            int b = singleByte(text.charAt(i));
            if (b < 0) return text;
            high |= b >= 0x80;
            bytes[i] = (byte) b;
        }
        if (!high) return text;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return text;   // not UTF-8 read as a single-byte charset: leave it
        }
    }

    /**
     * The byte a single-byte decoder turned into {@code c}: Latin-1 for U+0000–U+00FF (which also
     * covers the five positions windows-1252 leaves undefined), windows-1252 for its 27 other
     * characters in 0x80–0x9F ({@code € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ}); -1 for
     * any other character.
     */
    private static int singleByte(char c) {
        if (c <= 0xFF) return c;
        if (c == '\uFFFD') return -1;   // stands for any of the five undefined bytes: no way back
        int index = WINDOWS_1252_HIGH.indexOf(c);
        return index < 0 ? -1 : 0x80 + index;
    }

    private static String windows1252High() {
        byte[] high = new byte[32];
        for (int i = 0; i < high.length; i++) high[i] = (byte) (0x80 + i);
        return new String(high, WINDOWS_1252);
    }

    static String demoronize(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                if (!mapped.equals("\uFFFD")) {
                    if (out == null) out = new StringBuilder(text.substring(0, i));
                    out.append(mapped);
                    continue;
                }
            }
            if (out != null) out.append(c);
        }
        return out == null ? text : out.toString();
    }
}
