package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RvoleTest {
    private static final byte[] SID = "mul".getBytes(StandardCharsets.US_ASCII);
    private static final int ALICE = 3;
    private static final int BOB = 5;

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void sharesAddUpToTheProductOfBobsRandomInputAndEachOfAlicesInputs(CurveName name) {
        Group g = Group.of(name);
        TestRandom random = new TestRandom("rvole " + name);
        OtSeeds[] seeds = Pairs.setup(g, ALICE, BOB, random);
        for (int session = 0; session < 2; session++) {
            byte[] sid = ("mul " + session).getBytes(StandardCharsets.US_ASCII);
            Scalar[] a = {g.random(random), g.random(random)};
            Rvole.Receiver bob = new Rvole.Receiver(g, sid, ALICE, seeds[1], 2, random);
            Rvole.SenderOutput alice = Rvole.send(g, sid, BOB, seeds[0], a, bob.message(), random);
            Scalar[] d = bob.finish(alice.message());
            for (int k = 0; k < 2; k++) {
                assertTrue(alice.shares()[k].add(d[k]).sameValue(bob.b().multiply(a[k])), name + " input " + k);
            }
            assertEquals(
                    g.batchSize() * 4 * g.field().byteLength(), alice.message().tau().length);
        }
    }

    @Test
    void theBatchFollowsTheCurveOrder() {
        assertEquals(256 + 160, Group.of(CurveName.SECP256K1).batchSize());
        assertEquals(256 + 160, Group.of(CurveName.P256).batchSize());
        assertEquals(384 + 160, Group.of(CurveName.P384).batchSize());
        assertEquals(521 + 160, Group.of(CurveName.P521).batchSize());
    }

    @Test
    void aTamperedCorrelationFailsTheCheckNamesAliceAndBurnsBobsSeeds() {
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("rvole tau");
        OtSeeds[] seeds = Pairs.dealt(random);
        Rvole.Receiver bob = new Rvole.Receiver(g, SID, ALICE, seeds[1], 2, random);
        Rvole.SenderOutput alice = Rvole.send(
                g, SID, BOB, seeds[0], new Scalar[] {g.random(random), g.random(random)}, bob.message(), random);
        // Alice uses another input in one OT: a selective-failure probe of Bob's choice bit there.
        addToTau(g, alice.message().tau(), 17, 0, g.random(random));
        assertAborts(bob, alice.message(), Check.MULTIPLICATION);
        assertTrue(seeds[1].isBurned());
        assertThrows(IllegalStateException.class, () -> new Rvole.Receiver(g, SID, ALICE, seeds[1], 2, random));
    }

    @Test
    void aTamperedCheckValueOrDigestFailsTheCheck() {
        Group g = Group.of(CurveName.P256);
        TestRandom random = new TestRandom("rvole u");
        Exchange x = exchange(g, random);
        Rvole.Receiver bob = x.bob();
        Rvole.SenderMessage m = x.message();
        Scalar[] u = m.checkU().clone();
        u[1] = u[1].add(g.of(BigInteger.ONE));
        assertAborts(bob, new Rvole.SenderMessage(m.tau(), m.checkDigest(), u, m.gamma()), Check.MULTIPLICATION);

        Exchange x2 = exchange(g, random);
        Rvole.Receiver bob2 = x2.bob();
        Rvole.SenderMessage m2 = x2.message();
        byte[] digest = m2.checkDigest().clone();
        digest[0] ^= 1;
        assertAborts(bob2, new Rvole.SenderMessage(m2.tau(), digest, m2.checkU(), m2.gamma()), Check.MULTIPLICATION);
    }

    @Test
    void aMessageOfTheWrongSizeIsRefused() {
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("rvole shape");
        Exchange x = exchange(g, random);
        Rvole.Receiver bob = x.bob();
        Rvole.SenderMessage m = x.message();
        byte[] shorter = Arrays.copyOf(m.tau(), m.tau().length - g.field().byteLength());
        assertAborts(bob, new Rvole.SenderMessage(shorter, m.checkDigest(), m.checkU(), m.gamma()), Check.SHAPE);
    }

    @Test
    void aCorrelationEntryOfTheOrderOrAboveIsRefusedBeforeAnyCheckAndBurnsNothing() {
        Group g = Group.of(CurveName.P384);
        Exchange x = exchange(g, new TestRandom("rvole canonical"));
        Rvole.Receiver bob = x.bob();
        Rvole.SenderMessage m = x.message();
        int len = g.field().byteLength();
        byte[] isQ = m.tau().clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(len, g.order()), 0, isQ, 5 * len, len);
        assertAborts(bob, new Rvole.SenderMessage(isQ, m.checkDigest(), m.checkU(), m.gamma()), Check.ENCODING);
        byte[] above = m.tau().clone();
        Arrays.fill(above, above.length - len, above.length, (byte) 0xff);
        assertAborts(bob, new Rvole.SenderMessage(above, m.checkDigest(), m.checkU(), m.gamma()), Check.ENCODING);
        assertTrue(!x.bobSeeds().isBurned());
        Scalar[] d = bob.finish(m);
        assertEquals(2, d.length);
    }

    /** Adds {@code x} to τ's entry (j, k) in place, as a cheating Alice would. */
    static void addToTau(Group g, byte[] tau, int j, int k, Scalar x) {
        int len = g.field().byteLength();
        int at = (4 * j + k) * len;
        Scalar entry = g.field().decode(Arrays.copyOfRange(tau, at, at + len));
        System.arraycopy(entry.add(x).encode(), 0, tau, at, len);
    }

    @Test
    void whatAliceSendsDoesNotFollowHerInputs() {
        // γ = a - ã and U = χ̃·ã + χ̂·â are masked by fresh randomness: with input 0 or input 1 their
        // low bits are set about half of the time.
        Group g = Group.of(CurveName.SECP256K1);
        TestRandom random = new TestRandom("alice view");
        OtSeeds[] seeds = Pairs.dealt(random);
        int runs = 60;
        int[] odd = new int[2];
        for (int input = 0; input < 2; input++) {
            Scalar a = g.of(BigInteger.valueOf(input));
            for (int n = 0; n < runs; n++) {
                byte[] sid = ("view " + input + " " + n).getBytes(StandardCharsets.US_ASCII);
                Rvole.Receiver bob = new Rvole.Receiver(g, sid, ALICE, seeds[1], 2, random);
                Rvole.SenderMessage m = Rvole.send(g, sid, BOB, seeds[0], new Scalar[] {a, a}, bob.message(), random)
                        .message();
                odd[input] += m.gamma()[0].toBigInteger().testBit(0) ? 1 : 0;
                odd[input] += m.checkU()[1].toBigInteger().testBit(0) ? 1 : 0;
            }
        }
        for (int input = 0; input < 2; input++) {
            assertTrue(Math.abs(odd[input] - runs) < 25, "input " + input + ": " + odd[input] + " of " + 2 * runs);
        }
    }

    /** Bob's state and Alice's honest answer, on freshly dealt seeds. */
    private record Exchange(Rvole.Receiver bob, Rvole.SenderMessage message, OtSeeds bobSeeds) {}

    private static Exchange exchange(Group g, TestRandom random) {
        OtSeeds[] seeds = Pairs.dealt(random);
        Rvole.Receiver bob = new Rvole.Receiver(g, SID, ALICE, seeds[1], 2, random);
        Rvole.SenderMessage m = Rvole.send(
                        g, SID, BOB, seeds[0], new Scalar[] {g.random(random), g.random(random)}, bob.message(), random)
                .message();
        return new Exchange(bob, m, seeds[1]);
    }

    private static void assertAborts(Rvole.Receiver bob, Rvole.SenderMessage m, Check check) {
        ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> bob.finish(m));
        assertEquals(ALICE, abort.culprit());
        assertEquals(check, abort.check());
    }
}
