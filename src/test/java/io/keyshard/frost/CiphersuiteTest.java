package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.ScalarField;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The suite parameters of RFC 9591 section 6 and which suite signs which curve. */
class CiphersuiteTest {
    @Test
    void parametersAreTheRfcs() {
        assertSuite(Ciphersuite.ED25519_SHA512, "FROST-ED25519-SHA512-v1", 32, 32, 64);
        assertSuite(Ciphersuite.ED448_SHAKE256, "FROST-ED448-SHAKE256-v1", 57, 57, 114);
        assertSuite(Ciphersuite.P256_SHA256, "FROST-P256-SHA256-v1", 33, 32, 65);
        assertSuite(Ciphersuite.SECP256K1_SHA256, "FROST-secp256k1-SHA256-v1", 33, 32, 65);
        assertSuite(Ciphersuite.SECP256K1_TR, "FROST-secp256k1-SHA256-TR-v1", 33, 32, 64);
    }

    @Test
    void theProductSignsEdwardsAndTaprootKeysWithFrostAndRefusesTheEcdsaCurves() {
        assertEquals(Ciphersuite.ED25519_SHA512, Ciphersuite.forCurve(CurveName.ED25519));
        assertEquals(Ciphersuite.ED448_SHAKE256, Ciphersuite.forCurve(CurveName.ED448));
        assertEquals(Ciphersuite.SECP256K1_TR, Ciphersuite.forCurve(CurveName.SECP256K1_SCHNORR));
        for (CurveName ecdsa : new CurveName[] {CurveName.SECP256K1, CurveName.P256, CurveName.P384, CurveName.P521}) {
            assertThrows(IllegalArgumentException.class, () -> Ciphersuite.forCurve(ecdsa));
        }
    }

    @ParameterizedTest
    @EnumSource(Ciphersuite.class)
    void scalarsAreTheCurvesOwnAndDeserializationIsStrict(Ciphersuite suite) {
        ScalarField f = suite.scalars();
        assertSame(suite.curve().scalars(), f, "a key share of the curve is a scalar of the suite");
        assertEquals(
                BigInteger.valueOf(77),
                suite.deserializeScalar(f.of(77).encode()).toBigInteger());
        byte[] allOnes = new byte[f.byteLength()];
        Arrays.fill(allOnes, (byte) 0xff);
        InvalidEncodingException e =
                assertThrows(InvalidEncodingException.class, () -> suite.deserializeScalar(allOnes));
        assertTrue(e.getMessage().startsWith(suite.contextString()));
        assertThrows(InvalidEncodingException.class, () -> suite.deserializeScalar(new byte[f.byteLength() + 1]));
    }

    private static void assertSuite(Ciphersuite s, String context, int ne, int ns, int sig) {
        assertEquals(context, s.contextString());
        assertEquals(ne, s.elementLength());
        assertEquals(ns, s.scalars().byteLength());
        assertEquals(sig, s.signatureLength());
    }
}
