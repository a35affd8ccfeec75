package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.pairwise.SeedCheck;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReverseBaseOtsTest {
    private static final byte[] SID = "reverse pair".getBytes(StandardCharsets.US_ASCII);
    /** The forward pair: party 1 holds Δ (extension sender), party 2 both pads. */
    private static final int RECEIVER = 2;

    @Test
    void theReversePairHoldsOnePadByEachFreshChoiceBitAtOneEndAndBothAtTheOther() {
        OtSeeds[] forward = Pairs.dealt(new TestRandom("forward"));
        ReverseBaseOts.Started started = ReverseBaseOts.start(SID, forward[1], new TestRandom("party 2"));
        OtSeeds reverseReceiver = ReverseBaseOts.finish(SID, forward[0], started.message(), RECEIVER);
        OtSeeds reverseSender = started.reverseSender();

        assertTrue(reverseSender.isSender());
        assertFalse(reverseReceiver.isSender());
        long[] delta = reverseSender.delta();
        int ones = 0;
        for (int l = 0; l < Group.KAPPA; l++) {
            int bit = (int) ((delta[l >>> 6] >>> (l & 63)) & 1L);
            ones += bit;
            assertArrayEquals(reverseReceiver.pad(l, bit), reverseSender.chosen(l), "row " + l);
            assertFalse(Arrays.equals(reverseReceiver.pad(l, 1 - bit), reverseSender.chosen(l)), "row " + l);
        }
        // a fresh Δ of party 2's own, not party 1's
        assertTrue(ones > 90 && ones < 166, "ones in Δ: " + ones);
        assertFalse(Arrays.equals(delta, forward[0].delta()));
        assertFalse(forward[0].isBurned());
    }

    @Test
    void theReversePairMultipliesLikeSeedsFromBaseOts() {
        Group g = Group.of(CurveName.SECP256K1);
        OtSeeds[] forward = Pairs.setup(g, 1, 2, new TestRandom("endemic"));
        ReverseBaseOts.Started started = ReverseBaseOts.start(SID, forward[1], new TestRandom("party 2"));
        OtSeeds reverseReceiver = ReverseBaseOts.finish(SID, forward[0], started.message(), RECEIVER);
        DklsCodec codec = new DklsCodec(g);
        byte[] wire = codec.encodeReverseBaseOts(started.message());
        assertEquals(8 * (Group.KAPPA * Kos15.words(ReverseBaseOts.ROWS) + 2 * Gf256.WORDS), wire.length);

        // party 2 is the extension sender of (2, 1): a multiplication over it adds up
        assertTrue(SeedCheck.correlated(CurveName.SECP256K1, 2, started.reverseSender(), 1, reverseReceiver));
    }

    @Test
    void aChangedCheckValueOrColumnFailsTheCheckNamesItsSenderAndBurnsTheForwardSeeds() {
        for (int which = 0; which < 3; which++) {
            OtSeeds[] forward = Pairs.dealt(new TestRandom("forward " + which));
            OtExtensionMessage m = ReverseBaseOts.start(SID, forward[1], new TestRandom("party 2"))
                    .message();
            switch (which) {
                case 0 -> m.tTilde()[1] ^= 4;
                case 1 -> m.xTilde()[0] ^= 1;
                default -> m.u()[column(forward[0], true)][2] ^= 1L << 17; // a column whose Δ bit is 1
            }
            ProtocolAbort e =
                    assertThrows(ProtocolAbort.class, () -> ReverseBaseOts.finish(SID, forward[0], m, RECEIVER));
            assertEquals(RECEIVER, e.culprit());
            assertEquals(Check.OT_EXTENSION_CONSISTENCY, e.check());
            assertTrue(forward[0].isBurned(), "a failed check burns the pair it ran over");
        }
    }

    @Test
    void anExtensionRunsOnceUnderASessionAndTheSeedsRefuseASecond() {
        OtSeeds[] forward = Pairs.dealt(new TestRandom("forward"));
        OtExtensionMessage m =
                ReverseBaseOts.start(SID, forward[1], new TestRandom("party 2")).message();
        ReverseBaseOts.finish(SID, forward[0], m, RECEIVER);
        assertThrows(IllegalStateException.class, () -> ReverseBaseOts.finish(SID, forward[0], m, RECEIVER));
        assertThrows(IllegalStateException.class, () -> ReverseBaseOts.start(SID, forward[1], new TestRandom("again")));
    }

    @Test
    void aMessageOfTheWrongSizeOrWithBitsPastTheRowsIsRefusedNamingItsSender() {
        Group g = Group.of(CurveName.P256);
        DklsCodec codec = new DklsCodec(g);
        OtSeeds[] forward = Pairs.dealt(new TestRandom("forward"));
        OtExtensionMessage m =
                ReverseBaseOts.start(SID, forward[1], new TestRandom("party 2")).message();
        byte[] good = codec.encodeReverseBaseOts(m);
        assertArrayEquals(good, codec.encodeReverseBaseOts(codec.decodeReverseBaseOts(good, RECEIVER)));
        blames(() -> codec.decodeReverseBaseOts(Arrays.copyOf(good, good.length - 1), RECEIVER), Check.SHAPE);
        blames(() -> codec.decodeReverseBaseOts(Arrays.copyOf(good, good.length + 8), RECEIVER), Check.SHAPE);
        m.u()[9][m.u()[9].length - 1] |= Long.MIN_VALUE;
        blames(() -> codec.decodeReverseBaseOts(codec.encodeReverseBaseOts(m), RECEIVER), Check.ENCODING);
        OtExtensionMessage shortColumns =
                new OtExtensionMessage(Arrays.copyOf(m.u(), Group.KAPPA - 1), m.xTilde(), m.tTilde());
        blames(() -> ReverseBaseOts.finish(SID, forward[0], shortColumns, RECEIVER), Check.SHAPE);
    }

    /** The first column whose Δ bit is {@code one}. */
    private static int column(OtSeeds sender, boolean one) {
        long[] d = sender.delta();
        for (int i = 0; i < Group.KAPPA; i++) {
            if ((((d[i >>> 6] >>> (i & 63)) & 1L) == 1L) == one) {
                return i;
            }
        }
        throw new AssertionError("Δ has no such bit");
    }

    private static void blames(Runnable r, Check check) {
        ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
        assertEquals(RECEIVER, e.culprit());
        assertEquals(check, e.check());
    }
}
