package org.rundschau.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Tells UTF-8 bytes from legacy single-byte text when nothing names the encoding. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Whether the bytes are well-formed UTF-8. A sequence cut off by the end counts as well-formed:
     * a size cap on the download may truncate the last character.
     */
    static boolean isWellFormed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) return false;
            if (result.isUnderflow()) return in.remaining() < 4;
            out.clear();
        }
    }
}
