package org.rundschau.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WHATWG Encoding Standard's label table: what browsers decode when a page or feed names an
 * encoding. It differs from Java's own aliases where the web does: {@code iso-8859-1}, {@code latin1},
 * {@code us-ascii} and {@code ascii} all mean windows-1252 (pages labelled Latin-1 use the € and
 * typographic quotes at 0x80–0x9F), {@code iso-8859-9} means windows-1254, {@code utf-16} means
 * UTF-16LE. The table is {@code /extract/encoding-labels.txt}.
 */
final class EncodingLabels {
    private static final String RESOURCE = "/extract/encoding-labels.txt";
    private static final Map<String, Charset> BY_LABEL = load();

    private EncodingLabels() {
    }

    /**
     * @return the charset the label stands for, or empty when the label is unknown (or names an
     *         encoding this JVM cannot decode): the caller then falls through to its next rule
     */
    static Optional<Charset> forLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(normalise(label)));
    }

    // "Get an encoding": strip leading and trailing ASCII whitespace, ASCII-lowercase.
    private static String normalise(String label) {
        return label.replaceAll("^[\\t\\n\\f\\r ]+|[\\t\\n\\f\\r ]+$", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Charset> load() {
        try (InputStream in = EncodingLabels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
            Map<String, Charset> byLabel = new HashMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                addLine(line.strip(), byLabel);
            }
            return Map.copyOf(byLabel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static void addLine(String line, Map<String, Charset> byLabel) {
        if (line.isEmpty() || line.startsWith("#")) return;
        String[] fields = line.split("\\s+");
        if (!Charset.isSupported(fields[0])) return;
        Charset charset = Charset.forName(fields[0]);
        for (int i = 1; i < fields.length; i++) {
            byLabel.put(fields[i], charset);
        }
    }
}
