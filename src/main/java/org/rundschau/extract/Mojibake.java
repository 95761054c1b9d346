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
 *   <li>UTF-8 that was decoded as Latin-1 and encoded again ("double-encoded"): {@code â\u0080¦}
 *       for {@code …}. Undone only when the text is entirely in the Latin-1 range and its Latin-1
 *       bytes form well-formed UTF-8; ordinary Latin-1 text almost never does (an accented letter
 *       would have to be followed by a symbol from 0x80–0xBF every time).</li>
 *   <li>windows-1252 characters written as the C1 control characters U+0080–U+009F
 *       ("demoronize"): {@code don\u0092t} for {@code don’t}. C1 controls never belong in text.</li>
 * </ul>
 */
final class Mojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Mojibake() {
    }

    /** @return the text with both repairs applied; unchanged when neither applies */
    static String repair(String text) {
        return demoronize(undoDoubleEncoding(text));
    }

    static String undoDoubleEncoding(String text) {
        boolean highLatin1 = false;
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) return text;
            highLatin1 |= c >= 0x80;
            bytes[i] = (byte) c;
        }
        if (!highLatin1) return text;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
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
