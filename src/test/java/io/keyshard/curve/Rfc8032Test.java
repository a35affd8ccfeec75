package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Edwards arithmetic against RFC 8032 section 7: every secret key expanded as the RFC does
 * gives the published public key, and every pure signature satisfies [S]B = R + [k]A computed
 * with our decoding and multiplication; plus agreement with Bouncy Castle on random seeds.
 */
class Rfc8032Test {
    private static final Curve ED25519 = CurveName.ED25519.curve();
    private static final Curve ED448 = CurveName.ED448.curve();

    static Stream<JsonNode> vectors() {
        return Vectors.list(Vectors.load("rfc8032_eddsa.json").get("vectors")).stream();
    }

    private static boolean is448(JsonNode v) {
        return v.get("algorithm").asText().startsWith("Ed448");
    }

    @ParameterizedTest(name = "{index}: public key")
    @MethodSource("vectors")
    void secretKeyGivesThePublishedPublicKey(JsonNode v) {
        byte[] seed = Vectors.hex(v.get("secret_key"));
        byte[] published = Vectors.hex(v.get("public_key"));
        Curve curve = is448(v) ? ED448 : ED25519;
        Point a = curve.multiplyBase(is448(v) ? ed448Scalar(seed) : ed25519Scalar(seed));
        assertEquals(
                Hex.toHexString(published),
                Hex.toHexString(a.encode()),
                v.get("name").asText());
        assertEquals(a, curve.decodePublicKey(published));
    }

    @ParameterizedTest(name = "{index}: signature equation")
    @MethodSource("vectors")
    void pureSignaturesSatisfyTheVerificationEquation(JsonNode v) {
        String algorithm = v.get("algorithm").asText();
        if (!algorithm.equals("Ed25519") && !algorithm.equals("Ed448")) {
            return; // ctx/ph variants hash differently; their keys are covered above
        }
        boolean ed448 = is448(v);
        Curve curve = ed448 ? ED448 : ED25519;
        int n = curve.pointLength();
        byte[] sig = Vectors.hex(v.get("signature"));
        byte[] pub = Vectors.hex(v.get("public_key"));
        byte[] msg = Vectors.hex(v.get("message"));
        byte[] rBytes = Arrays.copyOfRange(sig, 0, n);
        BigInteger s = curve.decodeScalar(Arrays.copyOfRange(sig, n, 2 * n));
        Point r = curve.decodePoint(rBytes);
        Point a = curve.decodePublicKey(pub);
        BigInteger k;
        if (ed448) {
            String ctx = v.get("context").isNull() ? "" : v.get("context").asText();
            k = littleEndian(shake256(114, dom4(Hex.decode(ctx)), rBytes, pub, msg));
        } else {
            k = littleEndian(sha512(rBytes, pub, msg));
        }
        assertEquals(curve.multiplyBase(s), r.add(a.multiply(k)));
        assertEquals(
                curve.generator().multiply(s),
                curve.multiSum(new BigInteger[] {BigInteger.ONE, k}, new Point[] {r, a}));
    }

    @Test
    void ed25519AgreesWithBouncyCastleOnRandomSeeds() {
        agreeOnRandomSeeds(
                ED25519,
                Ed25519.SECRET_KEY_SIZE,
                Rfc8032Test::ed25519Scalar,
                (seed, pk) -> Ed25519.generatePublicKey(seed, 0, pk, 0));
    }

    @Test
    void ed448AgreesWithBouncyCastleOnRandomSeeds() {
        agreeOnRandomSeeds(
                ED448,
                Ed448.SECRET_KEY_SIZE,
                Rfc8032Test::ed448Scalar,
                (seed, pk) -> Ed448.generatePublicKey(seed, 0, pk, 0));
    }

    private static void agreeOnRandomSeeds(
            Curve curve, int seedLength, Function<byte[], BigInteger> expand, BiConsumer<byte[], byte[]> bouncyCastle) {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 300; i++) {
            byte[] seed = new byte[seedLength];
            random.nextBytes(seed);
            byte[] expected = new byte[curve.pointLength()];
            bouncyCastle.accept(seed, expected);
            assertArrayEquals(expected, curve.multiplyBase(expand.apply(seed)).encode(), Hex.toHexString(seed));
        }
    }

    @Test
    void theVectorsCoverBothCurves() {
        List<JsonNode> all = vectors().toList();
        assertFalse(all.stream().filter(Rfc8032Test::is448).toList().isEmpty());
        assertFalse(all.stream().filter(v -> !is448(v)).toList().isEmpty());
    }

    /** RFC 8032 5.1.5: SHA-512 of the seed, low half clamped. */
    static BigInteger ed25519Scalar(byte[] seed) {
        byte[] h = sha512(seed);
        byte[] a = Arrays.copyOf(h, 32);
        a[0] &= (byte) 248;
        a[31] &= 127;
        a[31] |= 64;
        return littleEndian(a);
    }

    /** RFC 8032 5.2.5: SHAKE256(seed, 114), low 57 bytes clamped. */
    static BigInteger ed448Scalar(byte[] seed) {
        byte[] a = Arrays.copyOf(shake256(114, seed), 57);
        a[0] &= (byte) 252;
        a[55] |= (byte) 128;
        a[56] = 0;
        return littleEndian(a);
    }

    private static byte[] dom4(byte[] context) {
        byte[] prefix = "SigEd448".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(prefix, prefix.length + 2 + context.length);
        out[prefix.length] = 0;
        out[prefix.length + 1] = (byte) context.length;
        System.arraycopy(context, 0, out, prefix.length + 2, context.length);
        return out;
    }

    private static byte[] sha512(byte[]... parts) {
        SHA512Digest d = new SHA512Digest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    private static byte[] shake256(int length, byte[]... parts) {
        SHAKEDigest d = new SHAKEDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[length];
        d.doFinal(out, 0, length);
        return out;
    }

    static BigInteger littleEndian(byte[] le) {
        byte[] be = le.clone();
        ScalarCodec.reverse(be);
        return new BigInteger(1, be);
    }
}
