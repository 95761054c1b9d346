package org.rundschau.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML standard's "prescan a byte stream to determine its encoding": finds the first
 * {@code <meta charset>} or {@code <meta http-equiv=Content-Type content="...charset=...">} in the
 * first 1024 bytes, skipping comments and the attributes of other tags, without building a DOM
 * (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding).
 * One instance scans one document.
 */
final class MetaPrescan {
    static final int LIMIT = 1024;

    private final byte[] bytes;
    private final int end;
    private int pos;

    private MetaPrescan(byte[] body) {
        this.bytes = body;
        this.end = Math.min(body.length, LIMIT);
    }

    /**
     * @return the charset a meta element declares, or empty when none declares a known one. A
     *         declared UTF-16 means UTF-8 (the bytes were readable as ASCII, so the label is wrong).
     */
    static Optional<Charset> charset(byte[] body) {
        return new MetaPrescan(body).scan();
    }

    private Optional<Charset> scan() {
        while (pos < end) {
            if (lookingAt("<!--")) {
                skipComment();
            } else if (lookingAtIgnoreCase("<meta") && isSpaceOrSlash(pos + 5)) {
                pos += 5;
                Optional<Charset> found = meta();
                if (found.isPresent()) return found;
            } else if (lookingAt("<") && (isLetterAt(pos + 1) || lookingAt("</") && isLetterAt(pos + 2))) {
                skipTag();
            } else if (lookingAt("<!") || lookingAt("</") || lookingAt("<?")) {
                skipTo('>');
            } else {
                pos++;
            }
        }
        return Optional.empty();
    }

    private Optional<Charset> meta() {
        Set<String> seen = new HashSet<>();
        boolean gotPragma = false;
        Boolean needPragma = null;
        Optional<Charset> charset = Optional.empty();
        for (String[] attr = attribute(); attr != null; attr = attribute()) {
            String name = attr[0];
            String value = attr[1];
            if (!seen.add(name)) continue;
            if (name.equals("http-equiv")) {
                gotPragma |= value.equals("content-type");
            } else if (name.equals("content") && charset.isEmpty()) {
                Optional<String> label = charsetInContent(value);
                if (label.isPresent()) {
                    charset = EncodingLabels.forLabel(label.get());
                    needPragma = charset.isPresent() ? Boolean.TRUE : needPragma;
                }
            } else if (name.equals("charset") && charset.isEmpty()) {
                charset = EncodingLabels.forLabel(value);
                needPragma = Boolean.FALSE;
            }
        }
        if (needPragma == null || needPragma && !gotPragma) return Optional.empty();
        return charset.map(MetaPrescan::asciiCompatible);
    }

    private static Charset asciiCompatible(Charset charset) {
        boolean utf16 = charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
        return utf16 ? StandardCharsets.UTF_8 : charset;
    }

    /** "Get an attribute": returns {name, value} in lower case, or null at {@code >} or the end. */
    private String[] attribute() {
        while (pos < end && (isSpace(bytes[pos]) || bytes[pos] == '/')) pos++;
        if (pos >= end || bytes[pos] == '>') return null;
        StringBuilder name = new StringBuilder();
        while (pos < end) {
            byte b = bytes[pos];
            if (b == '=' && name.length() > 0) {
                pos++;
                return new String[] {name.toString(), value()};
            }
            if (isSpace(b)) {
                skipSpaces();
                if (pos >= end || bytes[pos] != '=') return new String[] {name.toString(), ""};
                pos++;
                return new String[] {name.toString(), value()};
            }
            if (b == '/' || b == '>') return new String[] {name.toString(), ""};
            name.append(lower(b));
            pos++;
        }
        return null;
    }

    private String value() {
        skipSpaces();
        StringBuilder value = new StringBuilder();
        if (pos < end && (bytes[pos] == '"' || bytes[pos] == '\'')) {
            byte quote = bytes[pos++];
            while (pos < end && bytes[pos] != quote) value.append(lower(bytes[pos++]));
            pos++;
            return value.toString();
        }
        while (pos < end && !isSpace(bytes[pos]) && bytes[pos] != '>') value.append(lower(bytes[pos++]));
        return value.toString();
    }

    /** "Extracting a character encoding from a meta element" (the {@code content} attribute). */
    static Optional<String> charsetInContent(String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf("charset", from);
            if (at < 0) return Optional.empty();
            int i = skipSpaces(lower, at + "charset".length());
            if (i >= lower.length() || lower.charAt(i) != '=') {
                from = at + "charset".length();
                continue;
            }
            i = skipSpaces(lower, i + 1);
            if (i >= lower.length()) return Optional.empty();
            char c = lower.charAt(i);
            if (c == '"' || c == '\'') {
                int close = lower.indexOf(c, i + 1);
                return close < 0 ? Optional.empty() : Optional.of(content.substring(i + 1, close));
            }
            int stop = i;
            while (stop < lower.length() && !isSpace((byte) lower.charAt(stop)) && lower.charAt(stop) != ';') stop++;
            return Optional.of(content.substring(i, stop));
        }
    }

    private void skipComment() {
        // "-->" may share its dashes with the opening "<!--", so "<!-->" is a complete comment.
        int close = indexOf("-->", pos + 2);
        pos = close < 0 ? end : close + 3;
    }

    private void skipTag() {
        while (pos < end && !isSpace(bytes[pos]) && bytes[pos] != '>') pos++;
        while (attribute() != null) {
            // attributes of other tags are skipped, so that a '<' inside a value is not a tag
        }
        pos++;
    }

    private void skipTo(char c) {
        while (pos < end && bytes[pos] != c) pos++;
        pos++;
    }

    private void skipSpaces() {
        while (pos < end && isSpace(bytes[pos])) pos++;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace((byte) s.charAt(i))) i++;
        return i;
    }

    private int indexOf(String s, int from) {
        for (int i = from; i + s.length() <= end; i++) {
            if (regionMatches(i, s, false)) return i;
        }
        return -1;
    }

    private boolean lookingAt(String s) {
        return regionMatches(pos, s, false);
    }

    private boolean lookingAtIgnoreCase(String s) {
        return regionMatches(pos, s, true);
    }

    private boolean regionMatches(int at, String s, boolean ignoreCase) {
        if (at + s.length() > end) return false;
        for (int i = 0; i < s.length(); i++) {
            char b = (char) (bytes[at + i] & 0xFF);
            if ((ignoreCase ? lower((byte) b) : b) != s.charAt(i)) return false;
        }
        return true;
    }

    private boolean isSpaceOrSlash(int at) {
        return at < end && (isSpace(bytes[at]) || bytes[at] == '/');
    }

    private boolean isLetterAt(int at) {
        return at < end && (bytes[at] >= 'a' && bytes[at] <= 'z' || bytes[at] >= 'A' && bytes[at] <= 'Z');
    }

    private static boolean isSpace(byte b) {
        return b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20;
    }

    private static char lower(byte b) {
        char c = (char) (b & 0xFF);
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
