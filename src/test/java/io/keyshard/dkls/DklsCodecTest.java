package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.dkls.SignMessages.Partial;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DklsCodecTest {

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P521"})
    void aSignatureWhoseMessagesAllCrossTheWireVerifies(CurveName name) throws Exception {
        Group g = Group.of(name);
        Committee c = new Committee(g, 2, 3, false, "wire " + name);
        c.wire = new DklsCodec(g);
        byte[] digest = SigningTest.hash(name, "over the wire".getBytes(StandardCharsets.UTF_8));
        EcdsaSignature sig = c.sign(List.of(1, 3), digest, "wire").get(1);
        assertTrue(sig.verify(g, c.publicKey, digest));
    }

    @Test
    void baseOtMessagesRoundTripAndStillGiveMatchingPads() {
        Group g = Group.of(CurveName.P256);
        DklsCodec codec = new DklsCodec(g);
        TestRandom random = new TestRandom("codec ot");
        byte[] sid = "sid".getBytes(StandardCharsets.US_ASCII);
        boolean[] delta = new boolean[Group.KAPPA];
        delta[3] = true;
        EndemicOt.Sender s = new EndemicOt.Sender(g, sid, 1, 2, random);
        EndemicOt.Receiver r = new EndemicOt.Receiver(g, sid, 2, 1, delta, random);
        byte[][][] pads = s.finish(codec.decodeBaseOtReceiver(codec.encode(r.message()), 2), Group.KAPPA);
        byte[][] chosen = r.finish(codec.decodeBaseOtSender(codec.encode(s.message()), 1));
        assertArrayEquals(pads[3][1], chosen[3]);
        assertArrayEquals(pads[4][0], chosen[4]);

        OtSeeds stored = OtSeeds.decode(OtSeeds.forSender(delta, chosen).encode());
        assertArrayEquals(OtSeeds.forSender(delta, chosen).encode(), stored.encode());
        assertArrayEquals(
                OtSeeds.forReceiver(pads).encode(),
                OtSeeds.decode(OtSeeds.forReceiver(pads).encode()).encode());
    }

    @Test
    void trailingTruncatedNonCanonicalAndMisattributedMessagesAreRefusedNamingTheSender() {
        Group g = Group.of(CurveName.SECP256K1);
        DklsCodec codec = new DklsCodec(g);
        TestRandom random = new TestRandom("codec strict");
        Partial p = new Partial(4, new byte[32], g.random(random), g.random(random));
        byte[] good = codec.encode(p);
        assertEquals(p.u().toBigInteger(), codec.decodePartial(good, 4).u().toBigInteger());

        assertRefused(() -> codec.decodePartial(Arrays.copyOf(good, good.length + 1), 4), Check.SHAPE);
        assertRefused(() -> codec.decodePartial(Arrays.copyOf(good, good.length - 1), 4), Check.SHAPE);
        byte[] aboveOrder = good.clone();
        Arrays.fill(aboveOrder, 4 + 32, 4 + 64, (byte) 0xff);
        assertRefused(() -> codec.decodePartial(aboveOrder, 4), Check.ENCODING);
        ProtocolAbort other = assertThrows(ProtocolAbort.class, () -> codec.decodePartial(good, 5));
        assertEquals(5, other.culprit());
    }

    @Test
    void anOtExtensionColumnWithBitsPastTheBatchIsRefused() {
        Group g = Group.of(CurveName.SECP256K1);
        DklsCodec codec = new DklsCodec(g);
        Rvole.Receiver bob = receiver(g, "codec ote");
        bob.message().u()[0][bob.message().u()[0].length - 1] |= Long.MIN_VALUE;
        byte[] enc = codec.encode(new SignMessages.MulRequest(4, 1, bob.message()));
        assertRefused(() -> codec.decodeMulRequest(enc, 4), Check.ENCODING);
    }

    @Test
    void aRequestSealedToThisServerButNamingAnotherRecipientIsRefusedNamingItsSender() {
        Group g = Group.of(CurveName.SECP256K1);
        DklsCodec codec = new DklsCodec(g);
        Rvole.Receiver bob = receiver(g, "codec recipient");
        byte[] enc = codec.encode(new SignMessages.MulRequest(4, 3, bob.message()));
        assertEquals(3, codec.decodeMulRequest(enc, 4, 3).to());
        assertRefused(() -> codec.decodeMulRequest(enc, 4, 1), Check.SHAPE);
    }

    @Test
    void aCorrelationEntryOfTheOrderOrAboveOrAShortCorrelationIsRefusedNamingTheSender() throws Exception {
        Group g = Group.of(CurveName.SECP256K1);
        Committee c = new Committee(g, 2, 3, false, "codec tau");
        c.wire = new DklsCodec(g);
        c.sign(List.of(1, 3), SigningTest.hash(CurveName.SECP256K1, new byte[] {1}), "tau");
        byte[] good = c.sent.get("2 1>3");
        int len = g.field().byteLength();
        // from, to and the digest of the commitments seen come first; τ's entry (j, k) is the (4j + k)-th.
        int entry = 4 + 4 + 32 + (4 * 100 + 3) * len;
        assertEquals(1, c.wire.decodeMulResponse(good, 1).from());

        byte[] isQ = good.clone();
        System.arraycopy(BigIntegers.asUnsignedByteArray(len, g.order()), 0, isQ, entry, len);
        assertBlames(1, () -> c.wire.decodeMulResponse(isQ, 1), Check.ENCODING);
        byte[] aboveQ = good.clone();
        Arrays.fill(aboveQ, entry, entry + len, (byte) 0xff);
        assertBlames(1, () -> c.wire.decodeMulResponse(aboveQ, 1), Check.ENCODING);
        byte[] lastAboveQ = good.clone();
        int last = 4 + 4 + 32 + (4 * g.batchSize() - 1) * len;
        Arrays.fill(lastAboveQ, last, last + len, (byte) 0xff);
        assertBlames(1, () -> c.wire.decodeMulResponse(lastAboveQ, 1), Check.ENCODING);
        byte[] cut = Arrays.copyOf(good, entry + len / 2);
        assertBlames(1, () -> c.wire.decodeMulResponse(cut, 1), Check.SHAPE);
        // One entry fewer: what follows τ shifts, and some field of it no longer decodes.
        byte[] fewer = new byte[good.length - len];
        System.arraycopy(good, 0, fewer, 0, entry);
        System.arraycopy(good, entry + len, fewer, entry, good.length - entry - len);
        assertEquals(
                1,
                assertThrows(ProtocolAbort.class, () -> c.wire.decodeMulResponse(fewer, 1))
                        .culprit());
    }

    /** Party 1's side of a multiplication with party 2 over seeds dealt from {@code seed}. */
    private static Rvole.Receiver receiver(Group g, String seed) {
        OtSeeds[] seeds = Pairs.dealt(new TestRandom(seed));
        return new Rvole.Receiver(g, new byte[] {1}, 1, seeds[1], 2, new TestRandom("b"));
    }

    private static void assertRefused(Runnable r, Check check) {
        assertBlames(4, r, check);
    }

    private static void assertBlames(int culprit, Runnable r, Check check) {
        ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
        assertEquals(culprit, e.culprit());
        assertEquals(check, e.check());
    }
}
