package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.dkls.Commitment;
import io.keyshard.dkls.DklsCodec;
import io.keyshard.dkls.DlogProof;
import io.keyshard.dkls.EncryptionProof;
import io.keyshard.dkls.EndemicOt;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtExtensionMessage;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.dkls.ProtocolAbort;
import io.keyshard.dkls.ReverseBaseOts;
import io.keyshard.dkls.Rvole;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import io.keyshard.wire.DklsAnswer;
import io.keyshard.wire.DklsMessage;
import io.keyshard.wire.DklsRoundRequest;
import io.keyshard.wire.SetupAnswer;
import io.keyshard.wire.SetupMessage;
import io.keyshard.wire.SetupRequest;
import io.keyshard.wire.SetupStatus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the strict byte decoders of every DKLs23 message ({@link DklsCodec}: the base OT messages of the
 * pairwise setup, the round-1 commitment and OT extension message, the round-2 multiplication answer, the
 * round-3 partial signature) on the four ECDSA curves, and the JSON decoding of the ECDSA setup and signing
 * bodies. What the decoders guarantee: a message is refused with a {@link ProtocolAbort} that names the
 * sender it came from and a check, and nothing else is thrown; or it decodes to a message that encodes back
 * to the same bytes (one encoding per message, so no two bodies pass as one). A JSON body is refused as
 * 400 MALFORMED with a message or round-trips byte for byte.
 */
class DklsMessageFuzzTest {
    private static final int SENDER = 7;
    private static final CurveName[] CURVES = {CurveName.SECP256K1, CurveName.P256, CurveName.P384, CurveName.P521};
    private static final List<Class<?>> JSON_TYPES = List.of(
            SetupRequest.class,
            SetupAnswer.class,
            SetupMessage.class,
            SetupStatus.class,
            DklsRoundRequest.class,
            DklsAnswer.class,
            DklsMessage.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<CurveName, byte[][]> TEMPLATES = new EnumMap<>(CurveName.class);

    /**
     * Byte 0 picks the curve (bits 0-1) and the message type (the rest: seven codec types, then the JSON bodies);
     * byte 1, when odd, makes the rest a {@link FuzzRequest#splice} into a valid encoding of that type.
     */
    @FuzzTest(maxDuration = "30s")
    void dklsMessages(byte[] data) throws Exception {
        if (data.length < 2) {
            return;
        }
        int type = ((data[0] & 0xff) >> 2) % (7 + JSON_TYPES.size());
        byte[] rest = Arrays.copyOfRange(data, 2, data.length);
        if (type >= 7) {
            MessageDecodingFuzzTest.refusedOrRoundTrips(rest, JSON_TYPES.get(type - 7));
            return;
        }
        CurveName curve = CURVES[data[0] & 0x03];
        byte[] in = (data[1] & 1) == 1 ? FuzzRequest.splice(TEMPLATES.get(curve)[type], rest) : rest;
        DklsCodec codec = new DklsCodec(Group.of(curve));
        List<Function<byte[], byte[]>> roundTrips = List.of(
                b -> codec.encode(codec.decodeBaseOtSender(b, SENDER)),
                b -> codec.encode(codec.decodeBaseOtReceiver(b, SENDER)),
                b -> codec.encode(codec.decodeCommit(b, SENDER)),
                b -> codec.encode(codec.decodeMulRequest(b, SENDER)),
                b -> codec.encode(codec.decodeMulResponse(b, SENDER)),
                b -> codec.encode(codec.decodePartial(b, SENDER)),
                b -> codec.encodeReverseBaseOts(codec.decodeReverseBaseOts(b, SENDER)));
        byte[] again;
        try {
            again = roundTrips.get(type).apply(in);
        } catch (ProtocolAbort refused) {
            assertEquals(SENDER, refused.culprit(), "a refusal names the sender the message came from");
            assertTrue(refused.check() != null && refused.getMessage() != null);
            return;
        }
        assertArrayEquals(in, again, "an accepted message has one encoding");
    }

    /**
     * One valid encoding of each codec type per curve, in the order of the types: well-formed fields (points
     * on the curve, canonical scalars, the exact counts), which is all a decoder checks.
     */
    @BeforeAll
    static void templates() {
        for (CurveName curve : CURVES) {
            TEMPLATES.put(curve, make(curve));
        }
    }

    private static byte[][] make(CurveName curve) {
        Group g = Group.of(curve);
        DklsCodec codec = new DklsCodec(g);
        byte[] sid = bytes(32);
        Point p = point(g);
        byte[][][] pads = new byte[Group.KAPPA][2][];
        List<EndemicOt.Encryption> encryptions = new ArrayList<>();
        for (int l = 0; l < Group.KAPPA; l++) {
            pads[l][0] = bytes(EndemicOt.PAD_LENGTH);
            pads[l][1] = bytes(EndemicOt.PAD_LENGTH);
            encryptions.add(new EndemicOt.Encryption(
                    p, p, new EncryptionProof(p, p, p, p, g.random(RANDOM), g.random(RANDOM), g.random(RANDOM))));
        }
        int len = g.field().byteLength();
        byte[] tau = new byte[g.batchSize() * 4 * len];
        for (int e = 0; e < g.batchSize() * 4; e++) {
            System.arraycopy(g.random(RANDOM).encode(), 0, tau, e * len, len);
        }
        Rvole.SenderMessage mul = new Rvole.SenderMessage(
                tau, bytes(32), new Scalar[] {g.random(RANDOM), g.random(RANDOM)}, new Scalar[] {
                    g.random(RANDOM), g.random(RANDOM)
                });
        OtExtensionMessage ote = new Rvole.Receiver(g, sid, 1, OtSeeds.forReceiver(pads), 2, RANDOM).message();
        return new byte[][] {
            codec.encode(new EndemicOt.SenderMessage(p, new DlogProof(p, g.random(RANDOM)))),
            codec.encode(new EndemicOt.ReceiverMessage(bytes(EndemicOt.PAD_LENGTH), encryptions)),
            codec.encode(new Commit(SENDER, bytes(32), bytes(Commitment.LENGTH))),
            codec.encode(new MulRequest(SENDER, 1, ote)),
            codec.encode(
                    new MulResponse(SENDER, 1, bytes(32), mul, p, bytes(Commitment.LENGTH), p, p, p, g.random(RANDOM))),
            codec.encode(new Partial(SENDER, bytes(32), g.random(RANDOM), g.random(RANDOM))),
            codec.encodeReverseBaseOts(
                    ReverseBaseOts.start(sid, OtSeeds.forReceiver(pads), RANDOM).message())
        };
    }

    private static Point point(Group g) {
        return g.base(g.randomNonZero(RANDOM));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
