package io.keyshard.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one AES-GCM sealer: round trip, fresh nonces, and nothing opens after any change. */
class SealerTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] AD = "where it belongs".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "a share".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        try (Sealer s = new Sealer(KEY)) {
            byte[] a = s.seal(PLAIN, AD);
            byte[] b = s.seal(PLAIN, AD);
            assertEquals(1 + 12 + PLAIN.length + 16, a.length);
            assertEquals(1, a[0]);
            assertFalse(Arrays.equals(Arrays.copyOfRange(a, 1, 13), Arrays.copyOfRange(b, 1, 13)), "nonces differ");
            assertArrayEquals(PLAIN, s.open(a, AD));
            assertArrayEquals(PLAIN, s.open(b, AD));
        }
    }

    @Test
    void anyChangeMakesItUnopenable() {
        try (Sealer s = new Sealer(KEY)) {
            byte[] sealed = s.seal(PLAIN, AD);
            for (int i = 0; i < sealed.length; i++) {
                byte[] t = sealed.clone();
                t[i] ^= 1;
                assertNull(s.open(t, AD), "byte " + i);
            }
            assertNull(s.open(sealed, "elsewhere".getBytes(StandardCharsets.UTF_8)), "moved to another place");
            assertNull(s.open(Arrays.copyOf(sealed, sealed.length - 1), AD), "truncated");
            assertNull(s.open(null, AD));
            byte[] other = KEY.clone();
            other[0] = 1;
            try (Sealer s2 = new Sealer(other)) {
                assertNull(s2.open(sealed, AD), "another key");
            }
        }
    }

    @Test
    void onlyAes256Keys() {
        assertThrows(IllegalArgumentException.class, () -> new Sealer(new byte[16]));
    }

    @Test
    void digestsMatchKnownVectors() {
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of()
                        .formatHex(Digests.sha256(
                                "a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII))),
                "parts hash as one message");
        // HASH160 of the compressed generator point of secp256k1 (the key of private key 1).
        assertEquals(
                "751e76e8199196d454941c45d1b3a323f1433bd6",
                HexFormat.of()
                        .formatHex(Digests.hash160(HexFormat.of()
                                .parseHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"))));
    }
}
