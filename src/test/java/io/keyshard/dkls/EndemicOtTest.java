package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EndemicOtTest {
    private static final byte[] SID = "base-ot".getBytes(StandardCharsets.US_ASCII);
    private static final int SENDER = 1;
    private static final int RECEIVER = 2;

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void theReceiverGetsThePadOfItsChoiceAndNotTheOther(CurveName name) {
        Group g = Group.of(name);
        TestRandom random = new TestRandom("ot " + name);
        boolean[] choices = {false, true, true, false, true, false, false, true};
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        EndemicOt.Receiver receiver = new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, choices, random);
        byte[][][] pads = sender.finish(receiver.message(), choices.length);
        byte[][] chosen = receiver.finish(sender.message());
        for (int l = 0; l < choices.length; l++) {
            int c = choices[l] ? 1 : 0;
            assertArrayEquals(pads[l][c], chosen[l], "OT " + l);
            assertFalse(Arrays.equals(pads[l][1 - c], chosen[l]), "OT " + l);
        }
    }

    @Test
    void aTamperedEncryptionProofNamesTheReceiver() {
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("bad enc");
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        EndemicOt.ReceiverMessage m =
                new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, new boolean[] {true, false}, random).message();
        EndemicOt.Encryption e = m.encryptions().get(1);
        // v moved by G: it no longer encrypts a bit under the proof, and the sender must notice.
        List<EndemicOt.Encryption> items = new ArrayList<>(m.encryptions());
        items.set(1, new EndemicOt.Encryption(e.u(), e.v().add(g.curve().generator()), e.proof()));
        assertAbort(
                () -> sender.finish(new EndemicOt.ReceiverMessage(m.seed(), items), 2),
                RECEIVER,
                Check.ENCRYPTION_PROOF);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void oneFalseProofAmongAFullBatchIsFoundAndNamed(CurveName name) {
        Group g = Group.of(name);
        TestRandom random = new TestRandom("one bad of " + Group.KAPPA);
        boolean[] choices = new boolean[Group.KAPPA];
        for (int l = 0; l < choices.length; l++) {
            choices[l] = random.nextBoolean();
        }
        EndemicOt.ReceiverMessage m = new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, choices, random).message();
        int bad = 137;
        EndemicOt.Encryption e = m.encryptions().get(bad);
        // u moved by G: v still encrypts the bit, but (v, u) no longer share the receiver's r
        List<EndemicOt.Encryption> items = new ArrayList<>(m.encryptions());
        items.set(bad, new EndemicOt.Encryption(e.u().add(g.curve().generator()), e.v(), e.proof()));
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        ProtocolAbort abort = assertThrows(
                ProtocolAbort.class, () -> sender.finish(new EndemicOt.ReceiverMessage(m.seed(), items), Group.KAPPA));
        assertEquals(RECEIVER, abort.culprit());
        assertEquals(Check.ENCRYPTION_PROOF, abort.check());
        assertTrue(abort.getMessage().contains("base OT " + bad + " of " + Group.KAPPA), abort.getMessage());
    }

    @Test
    void aSwappedResponseBetweenTwoProofsIsRefused() {
        // each proof alone is well-formed, but its response belongs to another statement
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("swapped");
        EndemicOt.ReceiverMessage m =
                new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, new boolean[] {true, true, false}, random).message();
        List<EndemicOt.Encryption> items = new ArrayList<>(m.encryptions());
        EncryptionProof p0 = items.get(0).proof();
        EncryptionProof p1 = items.get(1).proof();
        items.set(0, new EndemicOt.Encryption(items.get(0).u(), items.get(0).v(), withZ1(p0, p1.z1())));
        items.set(1, new EndemicOt.Encryption(items.get(1).u(), items.get(1).v(), withZ1(p1, p0.z1())));
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        assertAbort(
                () -> sender.finish(new EndemicOt.ReceiverMessage(m.seed(), items), 3),
                RECEIVER,
                Check.ENCRYPTION_PROOF);
    }

    private static EncryptionProof withZ1(EncryptionProof p, Scalar z1) {
        return new EncryptionProof(p.a0(), p.b0(), p.a1(), p.b1(), p.c0(), p.z0(), z1);
    }

    @Test
    void aProofForAnotherSeedNamesTheReceiver() {
        Group g = Group.of(CurveName.P256);
        TestRandom random = new TestRandom("bad seed");
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        EndemicOt.Receiver receiver = new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, new boolean[] {true}, random);
        byte[] seed = receiver.message().seed().clone();
        seed[0] ^= 1;
        assertAbort(
                () -> sender.finish(
                        new EndemicOt.ReceiverMessage(seed, receiver.message().encryptions()), 1),
                RECEIVER,
                Check.ENCRYPTION_PROOF);
    }

    @Test
    void aTamperedSenderProofNamesTheSender() {
        Group g = Group.of(CurveName.P384);
        TestRandom random = new TestRandom("bad dlog");
        EndemicOt.Sender sender = new EndemicOt.Sender(g, SID, SENDER, RECEIVER, random);
        EndemicOt.Receiver receiver = new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, new boolean[] {true}, random);
        Point other = sender.message().z().add(g.curve().generator());
        assertAbort(
                () -> receiver.finish(
                        new EndemicOt.SenderMessage(other, sender.message().proof())),
                SENDER,
                Check.DLOG_PROOF);
    }

    @Test
    void theReceiversMessageDoesNotFollowItsChoice() {
        // Over many runs the parity of v's encoding is about one half for either choice; a v that
        // depended on the bit in a visible way (say v = r·G for 0 and r·G + G for 1, with r·G sent) would not be.
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("independence");
        int runs = 120;
        int[] odd = new int[2];
        for (int bit = 0; bit < 2; bit++) {
            for (int n = 0; n < runs; n++) {
                EndemicOt.Receiver r =
                        new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, new boolean[] {bit == 1}, random);
                byte[] v = r.message().encryptions().get(0).v().encode();
                odd[bit] += v[v.length - 1] & 1;
            }
        }
        for (int bit = 0; bit < 2; bit++) {
            assertTrue(odd[bit] > runs / 2 - 25 && odd[bit] < runs / 2 + 25, "choice " + bit + ": " + odd[bit]);
        }
    }

    /**
     * The choice bit only routes values: under the same randomness, a receiver of all zeros and one of all
     * ones draw the same bytes in the same calls and compute the same products (u, the real branch's k·G and
     * k·h, the simulated branch's w·h and response), which their proofs hold in swapped places; v differs
     * by h and the simulated a' by the sign of c'·h.
     */
    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void eitherChoiceDrawsTheSameRandomnessAndComputesTheSameProducts(CurveName name) {
        Group g = Group.of(name);
        int count = 4;
        EndemicOt.ReceiverMessage[] m = new EndemicOt.ReceiverMessage[2];
        List<List<Integer>> draws = new ArrayList<>();
        for (int bit = 0; bit < 2; bit++) {
            boolean[] choices = new boolean[count];
            Arrays.fill(choices, bit == 1);
            Recording random = new Recording(new TestRandom("same work " + name));
            m[bit] = new EndemicOt.Receiver(g, SID, RECEIVER, SENDER, choices, random).message();
            draws.add(random.lengths);
        }
        assertEquals(draws.get(0), draws.get(1), "the draws from the random source");
        assertArrayEquals(m[0].seed(), m[1].seed());
        Point h = HashToCurve.hash(g, SID, Oracle.u32(RECEIVER), m[0].seed());
        for (int l = 0; l < count; l++) {
            EndemicOt.Encryption zero = m[0].encryptions().get(l);
            EndemicOt.Encryption one = m[1].encryptions().get(l);
            EncryptionProof p0 = zero.proof();
            EncryptionProof p1 = one.proof();
            assertEquals(zero.u(), one.u(), "u = r·h");
            assertEquals(zero.v().add(h), one.v(), "v = r·G + b·h");
            assertEquals(p0.a0(), p1.a1(), "k·G in the real branch's place");
            assertEquals(p0.b0(), p1.b1(), "k·h in the real branch's place");
            assertEquals(p0.b1(), p1.b0(), "w·h in the simulated branch's place");
            assertTrue(p0.z1().sameValue(p1.z0()), "the simulated response w + c'·r");
            // a' = w·G + (1 - 2b)·c'·h, with c' the simulated branch's challenge (c1 for b = 0, c0 for b = 1)
            assertEquals(
                    p0.a1().subtract(p1.a0()), h.multiply(p1.c0().toBigInteger().shiftLeft(1)), "a'");
        }
    }

    /** A random source that notes the length of every draw. */
    private static final class Recording extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SecureRandom inner;
        private final transient List<Integer> lengths = new ArrayList<>();

        Recording(SecureRandom inner) {
            this.inner = inner;
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            lengths.add(bytes.length);
            inner.nextBytes(bytes);
        }
    }

    private static void assertAbort(Runnable r, int culprit, Check check) {
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, r::run);
        assertEquals(culprit, abort.culprit());
        assertEquals(check, abort.check());
    }
}
