package io.keyshard.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The one AES-GCM sealer: round trip, fresh nonces, plain AES-256-GCM, threads at once, and nothing opens after any change. */
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
    void aRefusedOpenLeavesTheSealerWorking() {
        try (Sealer s = new Sealer(KEY)) {
            byte[] sealed = s.seal(PLAIN, AD);
            byte[] bad = sealed.clone();
            bad[bad.length - 1] ^= 1;
            for (int i = 0; i < 3; i++) {
                assertNull(s.open(bad, AD));
                byte[] again = s.seal(PLAIN, AD);
                assertArrayEquals(PLAIN, s.open(again, AD));
                assertArrayEquals(PLAIN, s.open(sealed, AD));
            }
        }
    }

    @Test
    void threadsSealingAndOpeningAtOnceEachGetTheirOwnValues() throws Exception {
        try (Sealer s = new Sealer(KEY)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    byte[] plain = ("share of thread " + t).getBytes(StandardCharsets.UTF_8);
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 300; i++) {
                            if (!Arrays.equals(plain, s.open(s.seal(plain, AD), AD))) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (Future<Boolean> run : runs) {
                    assertTrue(run.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theSealedFormIsPlainAes256Gcm() throws Exception {
        byte[] key = new byte[32];
        key[31] = 7;
        byte[] nonce = HexFormat.of().parseHex("000102030405060708090a0b");
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(AD);
        byte[] ct = jdk.doFinal(PLAIN);
        byte[] sealed = new byte[1 + 12 + ct.length];
        sealed[0] = 1;
        System.arraycopy(nonce, 0, sealed, 1, 12);
        System.arraycopy(ct, 0, sealed, 13, ct.length);
        try (Sealer s = new Sealer(key)) {
            assertArrayEquals(PLAIN, s.open(sealed, AD));
            byte[] ours = s.seal(PLAIN, AD);
            jdk.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, Arrays.copyOfRange(ours, 1, 13)));
            jdk.updateAAD(AD);
            assertArrayEquals(PLAIN, jdk.doFinal(ours, 13, ours.length - 13));
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
