package org.rundschau.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides how to decode an HTML page, in the order browsers do (WHATWG encoding sniffing): a byte
 * order mark; else the {@code charset} of the HTTP Content-Type header; else a
 * {@code <meta charset>} in the first 1024 bytes; else UTF-8 when the bytes are well-formed UTF-8;
 * else windows-1252. Every label goes through {@link EncodingLabels}, so {@code iso-8859-1} decodes
 * as windows-1252; an unknown label falls through to the next rule.
 *
 * <p>The byte order mark comes first, as in the WHATWG "decode" algorithm: it is only there when
 * the bytes really are that encoding, while a header charset is often a server-wide default.
 * For the same reason, and unlike a browser, a header that says UTF-8 is passed over when the
 * bytes are not well-formed UTF-8: the page's own {@code <meta>} (or windows-1252) then decodes
 * it without replacement characters, instead of publishing mojibake the bytes did not call for.
 */
final class HtmlCharset {
    static final Charset FALLBACK = Charset.forName("windows-1252");

    private HtmlCharset() {
    }

    /** @param contentType the Content-Type header, "" when absent */
    static Charset detect(byte[] body, String contentType) {
        return ByteOrderMark.of(body).map(ByteOrderMark::charset)
                .or(() -> ContentType.charset(contentType).flatMap(EncodingLabels::forLabel)
                        .filter(charset -> !charset.equals(StandardCharsets.UTF_8) || Utf8.isWellFormed(body)))
                .or(() -> MetaPrescan.charset(body))
                .orElseGet(() -> Utf8.isWellFormed(body) ? StandardCharsets.UTF_8 : FALLBACK);
    }

    /** Decodes the page as {@link #detect} decides, without its byte order mark. */
    static String decode(byte[] body, String contentType) {
        return ByteOrderMark.decode(body, detect(body, contentType));
    }
}
