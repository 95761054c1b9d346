package org.rundschau.publish;

/**
 * Makes arbitrary source text safe to write into an XML 1.0 document.
 *
 * <p>XML 1.0 allows only {@code #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]}
 * (section 2.2). Anything else (C0 controls, lone surrogates, U+FFFE, U+FFFF) makes the whole
 * document ill-formed, and a feed reader then drops every entry, not just the bad one.
 */
final class XmlChars {

    private XmlChars() {
    }

    /**
     * Returns {@code text} without the characters XML 1.0 forbids, with CR LF and lone CR turned into
     * LF (what every XML parser reports for them anyway, so the written text is the text read back).
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    width = 2;
                }
            } else if (isAllowed(cp)) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    /**
     * Returns {@code value} cleaned like {@link #text(String)}, with tab and line feed turned into
     * spaces: a parser normalises them in attribute values (XML 1.0 section 3.3.3), so writing the
     * space ourselves keeps the written value equal to the value read back.
     */
    static String attribute(String value) {
        return text(value).replace('\t', ' ').replace('\n', ' ');
    }

    /** Whether {@code cp} is a {@code Char} of XML 1.0; a lone surrogate arrives here as itself and is not. */
    static boolean isAllowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
