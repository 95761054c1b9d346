package org.rundschau.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The byte order marks that settle a document's encoding before any label is read. */
enum ByteOrderMark {
    UTF_8(StandardCharsets.UTF_8, 3),
    UTF_16BE(StandardCharsets.UTF_16BE, 2),
    UTF_16LE(StandardCharsets.UTF_16LE, 2);

    private final Charset charset;
    private final int length;

    ByteOrderMark(Charset charset, int length) {
        this.charset = charset;
        this.length = length;
    }

    Charset charset() {
        return charset;
    }

    /** @return the mark the body starts with, or empty when it starts with none */
    static Optional<ByteOrderMark> of(byte[] body) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) return Optional.of(UTF_8);
        if (startsWith(body, 0xFE, 0xFF)) return Optional.of(UTF_16BE);
        if (startsWith(body, 0xFF, 0xFE)) return Optional.of(UTF_16LE);
        return Optional.empty();
    }

    /** Decodes the body in {@code charset}, dropping a byte order mark of that charset. */
    static String decode(byte[] body, Charset charset) {
        int skip = of(body).filter(bom -> bom.charset.equals(charset)).map(bom -> bom.length).orElse(0);
        return new String(body, skip, body.length - skip, charset);
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
