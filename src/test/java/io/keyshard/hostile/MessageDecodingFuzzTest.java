package io.keyshard.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import io.keyshard.dkg.CommitRequest;
import io.keyshard.dkg.Round1Message;
import io.keyshard.dkg.Round2Message;
import io.keyshard.dkg.Round2Request;
import io.keyshard.dkg.Round3Message;
import io.keyshard.dkg.Round3Request;
import io.keyshard.dkg.SessionSetup;
import io.keyshard.json.StrictJson;
import io.keyshard.node.InProcessNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the decoding of every protocol message type with the node's strict parser, and the
 * strict point and scalar decoders of all seven curves. A body is either refused with the node's
 * 400 MALFORMED or decodes to a value that survives a round trip; a point or scalar is either
 * refused with {@link InvalidEncodingException} or is canonical (re-encodes to the same bytes).
 */
class MessageDecodingFuzzTest {
    private static final List<Class<?>> WIRE_TYPES = List.of(
            SessionSetup.class,
            Round1Message.class,
            Round2Message.class,
            Round2Request.class,
            Round3Request.class,
            Round3Message.class,
            InProcessNode.emptyRequestType(),
            CommitRequest.class);

    /** Byte 0 picks the message type, the rest is the body. */
    @FuzzTest(maxDuration = "30s")
    void wireMessages(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        refusedOrRoundTrips(
                Arrays.copyOfRange(data, 1, data.length), WIRE_TYPES.get((data[0] & 0xff) % WIRE_TYPES.size()));
    }

    /** The strict parser's promise: a body is refused as 400 MALFORMED with a message, or round-trips byte for byte. */
    static void refusedOrRoundTrips(byte[] body, Class<?> type) throws Exception {
        Object value;
        try {
            value = InProcessNode.parse(body, type);
        } catch (InProcessNode.Refused e) {
            assertEquals(400, e.status, e.getMessage());
            assertEquals("MALFORMED", e.code);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        byte[] again = StrictJson.mapper().writeValueAsBytes(value);
        Object reparsed = InProcessNode.parse(again, type);
        assertArrayEquals(again, StrictJson.mapper().writeValueAsBytes(reparsed), "a decoded message round-trips");
    }

    /** Byte 0 picks the curve, byte 1 the decoder (point, public key, scalar, non-zero scalar); the rest is the encoding. */
    @FuzzTest(maxDuration = "30s")
    void pointsAndScalars(byte[] data) {
        if (data.length < 2) {
            return;
        }
        Curve curve = CurveName.values()[(data[0] & 0xff) % CurveName.values().length].curve();
        byte[] enc = Arrays.copyOfRange(data, 2, data.length);
        try {
            switch ((data[1] & 0xff) % 4) {
                case 0 -> {
                    Point p = curve.decodePoint(enc);
                    assertFalse(p.isIdentity(), "decodePoint never returns the identity");
                    byte[] canonical = enc.length == curve.pointLength()
                            ? p.encode()
                            : ((WeierstrassPoint) p).encodeUncompressed();
                    assertArrayEquals(enc, canonical, "an accepted point encoding is canonical");
                }
                case 1 ->
                    assertArrayEquals(
                            enc,
                            curve.encodePublicKey(curve.decodePublicKey(enc)),
                            "an accepted public key is canonical");
                case 2 -> {
                    BigInteger s = curve.decodeScalar(enc);
                    assertTrue(s.signum() >= 0 && s.compareTo(curve.order()) < 0, "scalar in [0, n-1]");
                    assertArrayEquals(enc, curve.encodeScalar(s), "an accepted scalar is canonical");
                }
                default -> {
                    BigInteger s = curve.decodeNonZeroScalar(enc);
                    assertTrue(s.signum() > 0 && s.compareTo(curve.order()) < 0, "scalar in [1, n-1]");
                }
            }
        } catch (InvalidEncodingException refused) {
            // the documented refusal
        }
    }
}
