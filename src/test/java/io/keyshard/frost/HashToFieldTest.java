package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** expand_message_xmd(SHA-256) on RFC 9380 appendix K.1 vectors (the two-block 48-byte case is covered by the FROST vectors). */
class HashToFieldTest {
    private static final byte[] DST = "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesRfc9380AppendixK1() {
        assertEquals(
                "68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235",
                Hex.toHexString(HashToField.expandMessageXmd(new byte[0], DST, 0x20)));
        assertEquals(
                "d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615",
                Hex.toHexString(HashToField.expandMessageXmd("abc".getBytes(StandardCharsets.US_ASCII), DST, 0x20)));
    }
}
