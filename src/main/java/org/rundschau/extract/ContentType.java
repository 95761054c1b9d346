package org.rundschau.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of an HTTP {@code Content-Type} header value that decoding needs. */
final class ContentType {
    private static final Pattern CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|[^;\\s]+)", Pattern.CASE_INSENSITIVE);

    private ContentType() {
    }

    /** @return the media type in lower case ({@code text/html}), "" when the header is absent */
    static String mediaType(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @return the {@code charset} parameter without quotes, or empty when there is none */
    static Optional<String> charset(String header) {
        Matcher m = CHARSET.matcher(header);
        if (!m.find()) return Optional.empty();
        String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(1);
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
