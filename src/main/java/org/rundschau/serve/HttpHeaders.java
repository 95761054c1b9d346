package org.rundschau.serve;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading and writing the request and response header values the file server needs (RFC 9110). */
final class HttpHeaders {
    /** IMF-fixdate, the one date format a server sends (RFC 9110 section 5.6.7). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpHeaders() {
    }

    static String date(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * Reads an HTTP date. Accepts IMF-fixdate and, through {@link DateTimeFormatter#RFC_1123_DATE_TIME},
     * its variants with a one-digit day or a numeric zone; anything else is no date (the header is then
     * ignored, as RFC 9110 section 13.1.3 asks).
     */
    static Optional<Instant> parseDate(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code If-None-Match} names {@code etag}, or is {@code *}. Uses the weak comparison RFC 9110
     * section 13.1.2 prescribes for this header: a {@code W/} prefix is ignored.
     */
    static boolean noneMatchHits(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip (RFC 9110 section 12.5.3): {@code gzip} or
     * {@code x-gzip} with a q-value above 0, or else {@code *} with a q-value above 0.
     */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        Double gzip = null;
        Double any = null;
        for (String header : acceptEncoding) {
            for (String part : header.split(",")) {
                String[] pieces = part.split(";");
                String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
                double q = quality(pieces);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = gzip == null ? q : Math.max(gzip, q);
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        return gzip != null ? gzip > 0 : any != null && any > 0;
    }

    /** The {@code q} parameter, 1 when absent, 0 when unreadable (an unreadable preference is no permission). */
    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
