package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 8032 verifier the coordinator uses instead of the JDK's: it accepts every pure Ed25519 and Ed448
 * signature of RFC 8032 section 7 and refuses each with a flipped bit, and on random keys, messages and
 * corrupted signatures it answers exactly what the JDK's verifier answers.
 */
class EdDsaVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<JsonNode> pureVectors() {
        return Rfc8032Test.vectors().filter(v -> {
            String a = v.get("algorithm").asText();
            return a.equals("Ed25519") || a.equals("Ed448") && v.get("context").isNull();
        });
    }

    @ParameterizedTest(name = "{index}: RFC 8032 vector")
    @MethodSource("pureVectors")
    void acceptsEveryPureVectorAndRefusesEachFlippedBit(JsonNode v) {
        Curve curve = (v.get("algorithm").asText().equals("Ed448") ? CurveName.ED448 : CurveName.ED25519).curve();
        Point key = curve.decodePublicKey(Vectors.hex(v.get("public_key")));
        byte[] msg = Vectors.hex(v.get("message"));
        byte[] sig = Vectors.hex(v.get("signature"));
        assertTrue(EdDsaVerifier.verify(key, msg, sig), v.get("name").asText());
        for (int bit = 0; bit < sig.length * 8; bit += 7) {
            byte[] bad = sig.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(EdDsaVerifier.verify(key, msg, bad), "bit " + bit);
        }
        if (msg.length > 0) {
            byte[] other = msg.clone();
            other[0] ^= 1;
            assertFalse(EdDsaVerifier.verify(key, other, sig));
        }
    }

    @Test
    void sPlusTheOrderIsRefusedAsTheJdkRefusesIt() throws GeneralSecurityException {
        for (String alg : new String[] {"Ed25519", "Ed448"}) {
            Curve curve = curve(alg);
            KeyPair kp = KeyPairGenerator.getInstance(alg).generateKeyPair();
            byte[] msg = message();
            byte[] sig = jdkSign(alg, kp, msg);
            int n = curve.pointLength();
            BigInteger s = littleEndianInt(Arrays.copyOfRange(sig, n, 2 * n)).add(curve.order());
            byte[] big = sig.clone();
            byte[] le = littleEndianBytes(s, n);
            System.arraycopy(le, 0, big, n, n);
            Point key = curve.decodePublicKey(raw(kp.getPublic(), n));
            assertTrue(EdDsaVerifier.verify(key, msg, sig));
            assertFalse(EdDsaVerifier.verify(key, msg, big));
            assertFalse(jdkVerify(alg, raw(kp.getPublic(), n), msg, big));
        }
    }

    @Test
    void agreesWithTheJdkOnRandomAndCorruptedSignatures() throws GeneralSecurityException {
        for (String alg : new String[] {"Ed25519", "Ed448"}) {
            Curve curve = curve(alg);
            int n = curve.pointLength();
            for (int i = 0; i < 60; i++) {
                KeyPair kp = KeyPairGenerator.getInstance(alg).generateKeyPair();
                byte[] pub = raw(kp.getPublic(), n);
                Point key = curve.decodePublicKey(pub);
                byte[] msg = message();
                byte[] sig = jdkSign(alg, kp, msg);
                if (i % 2 == 1) {
                    sig[RANDOM.nextInt(sig.length)] ^= (byte) (1 << RANDOM.nextInt(8));
                }
                assertEquals(jdkVerify(alg, pub, msg, sig), EdDsaVerifier.verify(key, msg, sig), alg + " " + i);
            }
        }
    }

    @Test
    void wrongLengthsAreRefused() {
        Point key = CurveName.ED25519.curve().multiplyBase(BigInteger.TEN);
        assertFalse(EdDsaVerifier.verify(key, new byte[0], new byte[63]));
        assertFalse(EdDsaVerifier.verify(key, new byte[0], new byte[65]));
        assertFalse(EdDsaVerifier.verify(key, new byte[0], null));
    }

    private static Curve curve(String alg) {
        return (alg.equals("Ed448") ? CurveName.ED448 : CurveName.ED25519).curve();
    }

    private static byte[] message() {
        byte[] m = new byte[new int[] {0, 1, 32, 200}[RANDOM.nextInt(4)]];
        RANDOM.nextBytes(m);
        return m;
    }

    private static byte[] jdkSign(String alg, KeyPair kp, byte[] msg) throws GeneralSecurityException {
        Signature s = Signature.getInstance(alg);
        s.initSign(kp.getPrivate());
        s.update(msg);
        return s.sign();
    }

    private static boolean jdkVerify(String alg, byte[] pub, byte[] msg, byte[] sig) throws GeneralSecurityException {
        byte[] prefix =
                alg.equals("Ed448") ? Hex.decode("3043300506032b6571033a00") : Hex.decode("302a300506032b6570032100");
        byte[] spki = Arrays.copyOf(prefix, prefix.length + pub.length);
        System.arraycopy(pub, 0, spki, prefix.length, pub.length);
        PublicKey pk = KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
        Signature v = Signature.getInstance(alg);
        v.initVerify(pk);
        v.update(msg);
        try {
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The raw RFC 8032 key: the last n bytes of the SubjectPublicKeyInfo. */
    private static byte[] raw(PublicKey pk, int n) {
        byte[] enc = pk.getEncoded();
        return Arrays.copyOfRange(enc, enc.length - n, enc.length);
    }

    private static BigInteger littleEndianInt(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] littleEndianBytes(BigInteger v, int n) {
        byte[] out = new byte[n];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < n; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
