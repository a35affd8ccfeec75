package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6979 key pairs, BIP-340 key generation and every Wycheproof SEC1 point-encoding case. */
class WeierstrassVectorsTest {
    private static final JsonNode NIST = Vectors.load("nist_curves_public_keys.json");

    private static Curve nist(String name) {
        return CurveName.parse(name.replace("-", "")).curve();
    }

    @Test
    void rfc6979KeyPairs() {
        List<JsonNode> keys = Vectors.list(NIST.get("rfc6979").get("keys"));
        assertEquals(3, keys.size());
        for (JsonNode k : keys) {
            Curve curve = nist(k.get("curve").asText());
            BigInteger x = new BigInteger(k.get("private_key_x").asText(), 16);
            Point u = curve.multiplyBase(x);
            String expectedX = k.get("Ux").asText();
            assertEquals(k.get("public_key_compressed_sec1").asText(), Hex.toHexString(u.encode()));
            assertTrue(Hex.toHexString(u.encode()).endsWith(expectedX));
            WeierstrassPoint wp = (WeierstrassPoint) u;
            assertEquals(k.get("public_key_uncompressed_sec1").asText(), Hex.toHexString(wp.encodeUncompressed()));
            assertEquals(u, curve.decodePoint(Vectors.hex(k.get("public_key_uncompressed_sec1"))));
            assertEquals(u, curve.decodePublicKey(Vectors.hex(k.get("public_key_compressed_sec1"))));
        }
    }

    static Stream<Arguments> wycheproof() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode group : NIST.get("wycheproof_ecpoint").get("groups")) {
            String curve = group.get("curve").asText();
            for (JsonNode t : group.get("tests")) {
                out.add(Arguments.of(
                        curve + " tcId " + t.get("tcId").asInt() + " "
                                + t.get("comment").asText(),
                        curve,
                        t));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wycheproof")
    void wycheproofPointEncodings(String label, String curveName, JsonNode t) {
        Curve curve = nist(curveName);
        byte[] pub = Vectors.hex(t.get("public"));
        String result = t.get("result").asText();
        if (result.equals("invalid")) {
            assertThrows(InvalidEncodingException.class, () -> curve.decodePoint(pub), label);
            return;
        }
        // "acceptable" marks the compressed form: we support it, so we accept it.
        assertTrue(result.equals("valid") || result.equals("acceptable"), result);
        Point p = curve.decodePoint(pub);
        assertEquals(t.get("public_compressed_computed").asText(), Hex.toHexString(p.encode()), label);
        assertEquals(p, curve.decodePoint(Vectors.hex(t.get("public_uncompressed_computed"))));
        // The ECDH shared secret is the x-coordinate of private·public.
        Point shared = p.multiply(new BigInteger(t.get("private").asText(), 16));
        assertEquals(t.get("shared").asText(), Hex.toHexString(((WeierstrassPoint) shared).xBytes()), label);
    }

    @Test
    void bip340SecretKeysGiveTheXOnlyKeys() {
        Curve curve = CurveName.SECP256K1_SCHNORR.curve();
        List<JsonNode> rows = Vectors.list(Vectors.load("bip340_schnorr.json").get("keygen"));
        assertFalse(rows.isEmpty());
        for (JsonNode row : rows) {
            Point p = curve.multiplyBase(new BigInteger(row.get("secret_key").asText(), 16));
            byte[] xOnly = Vectors.hex(row.get("xonly_public_key"));
            assertArrayEquals(xOnly, curve.encodePublicKey(p), row.get("index").asText());
            WeierstrassPoint lifted = (WeierstrassPoint) curve.decodePublicKey(xOnly);
            assertTrue(lifted.hasEvenY());
            boolean odd = row.get("secret_key_point_has_odd_y").asBoolean();
            assertEquals(odd ? p.negate() : p, lifted);
        }
    }
}
