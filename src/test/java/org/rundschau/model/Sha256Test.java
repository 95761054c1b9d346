package org.rundschau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {
    // FIPS 180-2, appendix B.1: the digest of "abc".
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexIsTheStandardDigestInLowercase() {
        assertEquals(ABC, Sha256.hex("abc"));
    }

    @Test
    void textIsHashedAsUtf8() {
        byte[] utf8 = "Grüße aus Görlitz".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Sha256.of(utf8), Sha256.of("Grüße aus Görlitz"));
        assertEquals(HexFormat.of().formatHex(Sha256.of(utf8)), Sha256.hex("Grüße aus Görlitz"));
    }

    @Test
    void eachDigestIsNewSoPartsDoNotLeakBetweenUses() {
        MessageDigest first = Sha256.digest();
        first.update("ab".getBytes(StandardCharsets.US_ASCII));
        MessageDigest second = Sha256.digest();
        second.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(ABC, HexFormat.of().formatHex(second.digest()));
    }
}
