package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OtExtensionTest {
    private static final byte[] SID = "ote".getBytes(StandardCharsets.US_ASCII);
    private static final int ALICE = 1;
    private static final int BOB = 2;
    private static Group g;
    private static OtSeeds[] seeds;

    @BeforeAll
    static void setup() {
        g = Group.of(CurveName.SECP256K1);
        seeds = Pairs.setup(g, ALICE, BOB, new TestRandom("ote setup"));
    }

    @Test
    void senderRowsAreReceiverRowsXoredWithDeltaWhereTheChoiceIsOne() {
        int m = Kos15.rows(g.batchSize());
        long[] choices = randomBits(m, new TestRandom("choices"));
        Kos15.Receiver r = Kos15.receive(SID, seeds[1], choices, m);
        long[][] q = Kos15.send(SID, seeds[0], r.message(), m, BOB);
        long[] delta = seeds[0].delta();
        for (int j = 0; j < m; j++) {
            long bit = (choices[j >>> 6] >>> (j & 63)) & 1L;
            long[] expected = new long[4];
            for (int k = 0; k < 4; k++) {
                expected[k] = r.tRows()[j][k] ^ (delta[k] & -bit);
            }
            assertArrayEquals(expected, q[j], "row " + j);
        }
    }

    @Test
    void aColumnWithOtherChoiceBitsFailsTheCheckNamesTheReceiverAndBurnsTheSeeds() {
        OtSeeds[] own = Pairs.setup(g, ALICE, BOB, new TestRandom("burn setup"));
        int m = Kos15.rows(g.batchSize());
        Kos15.Receiver r = Kos15.receive(SID, own[1], randomBits(m, new TestRandom("c2")), m);
        // The selective-failure attack: one column uses a different bit in one row.
        r.message().u()[7][0] ^= 1L << 3;
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> Kos15.send(SID, own[0], r.message(), m, BOB));
        assertEquals(BOB, abort.culprit());
        assertEquals(Check.OT_EXTENSION_CONSISTENCY, abort.check());
        assertTrue(abort.check().burnsSetup());
        assertTrue(own[0].isBurned());
        assertThrows(IllegalStateException.class, () -> Kos15.send(SID, own[0], r.message(), m, BOB));
    }

    @Test
    void aTamperedCheckValueFailsTheCheck() {
        OtSeeds[] own = Pairs.setup(g, ALICE, BOB, new TestRandom("xt setup"));
        int m = Kos15.rows(g.batchSize());
        Kos15.Receiver r = Kos15.receive(SID, own[1], randomBits(m, new TestRandom("c3")), m);
        r.message().xTilde()[2] ^= 1L;
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> Kos15.send(SID, own[0], r.message(), m, BOB));
        assertEquals(Check.OT_EXTENSION_CONSISTENCY, abort.check());
    }

    @Test
    void aSessionIdIsUsedOnceWithTheSameSeeds() {
        OtSeeds[] own = Pairs.dealt(new TestRandom("once"));
        int m = Kos15.rows(g.batchSize());
        Kos15.Receiver r = Kos15.receive(SID, own[1], randomBits(m, new TestRandom("c4")), m);
        Kos15.send(SID, own[0], r.message(), m, BOB);
        assertThrows(
                IllegalStateException.class, () -> Kos15.receive(SID, own[1], randomBits(m, new TestRandom("c5")), m));
        assertThrows(IllegalStateException.class, () -> Kos15.send(SID, own[0], r.message(), m, BOB));
    }

    @Test
    void theCheckValueXTildeDoesNotFollowTheChoices() {
        // With the random padding rows, x̃ is uniform whatever the used choices are: all-zero and
        // all-one choices give about as many set low bits over many runs.
        int m = Kos15.rows(g.batchSize());
        int used = g.batchSize();
        TestRandom random = new TestRandom("x tilde");
        int runs = 200;
        int[] ones = new int[2];
        for (int fill = 0; fill < 2; fill++) {
            for (int n = 0; n < runs; n++) {
                long[] choices = randomBits(m, random);
                for (int j = 0; j < used; j++) {
                    choices[j >>> 6] = (choices[j >>> 6] & ~(1L << (j & 63))) | ((long) fill << (j & 63));
                }
                Kos15.Receiver r = Kos15.receive(
                        ("run " + fill + " " + n).getBytes(StandardCharsets.US_ASCII), seeds[1], choices, m);
                ones[fill] += (int) (r.message().xTilde()[0] & 1L);
            }
        }
        for (int fill = 0; fill < 2; fill++) {
            assertTrue(Math.abs(ones[fill] - runs / 2) < 35, "fill " + fill + ": " + ones[fill]);
        }
    }

    static long[] randomBits(int m, TestRandom random) {
        long[] bits = new long[Kos15.words(m)];
        for (int w = 0; w < bits.length; w++) {
            bits[w] = random.nextLong();
        }
        if ((m & 63) != 0) {
            bits[bits.length - 1] &= (1L << (m & 63)) - 1;
        }
        return bits;
    }
}
