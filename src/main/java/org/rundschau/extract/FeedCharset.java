package org.rundschau.extract;

import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides how to decode an RSS/Atom document: a byte order mark; else Rome's {@link XmlReader}
 * in lenient mode (the XML declaration, else the HTTP charset, as RFC 3023 with the leniency feed
 * readers need: a declaration beats a server's default charset); else UTF-8 when the bytes are
 * well-formed UTF-8, else windows-1252. The chosen label then goes through the WHATWG table
 * ({@link EncodingLabels}), so a feed declared {@code iso-8859-1} or {@code us-ascii} that uses
 * 0x80–0x9F (€, typographic quotes) decodes as windows-1252, as browsers do.
 */
final class FeedCharset {
    private FeedCharset() {
    }

    /** @param contentType the Content-Type header, "" when absent */
    static Charset detect(byte[] body, String contentType) {
        Optional<ByteOrderMark> bom = ByteOrderMark.of(body);
        if (bom.isPresent()) return bom.get().charset();
        Charset fallback = Utf8.isWellFormed(body) ? StandardCharsets.UTF_8 : HtmlCharset.FALLBACK;
        return romeLabel(body, contentType, fallback.name())
                .flatMap(EncodingLabels::forLabel)
                .map(charset -> utf16ByBytes(charset, body))
                .orElse(fallback);
    }

    /** Decodes the document as {@link #detect} decides, without its byte order mark. */
    static String decode(byte[] body, String contentType) {
        return ByteOrderMark.decode(body, detect(body, contentType));
    }

    // XmlReader falls back to defaultEncoding when neither the declaration nor the header names
    // one. It throws IOException when the label it picked is unknown to Java: then the label is
    // as good as absent.
    private static Optional<String> romeLabel(byte[] body, String contentType, String defaultEncoding) {
        InputStream in = new ByteArrayInputStream(body);
        try (XmlReader reader = contentType.isBlank()
                ? new XmlReader(in, true, defaultEncoding)
                : new XmlReader(in, contentType, true, defaultEncoding)) {
            return Optional.of(reader.getEncoding());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // Without a byte order mark, the bytes of "<?" tell a UTF-16 label's byte order; a UTF-16
    // label in a declaration that itself read as ASCII is wrong, and the WHATWG prescan reads
    // such documents as UTF-8.
    private static Charset utf16ByBytes(Charset charset, byte[] body) {
        boolean utf16 = charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
        if (!utf16 || body.length < 2) return charset;
        if (body[0] == 0 && body[1] != 0) return StandardCharsets.UTF_16BE;
        if (body[0] != 0 && body[1] == 0) return StandardCharsets.UTF_16LE;
        return StandardCharsets.UTF_8;
    }
}
