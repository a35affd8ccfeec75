package io.keyshard.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.curve.CurveName;
import org.junit.jupiter.api.Test;

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

    private static void assertSuite(Ciphersuite s, String context, int ne, int ns, int sig) {
        assertEquals(context, s.contextString());
        assertEquals(ne, s.elementLength());
        assertEquals(ns, s.scalars().byteLength());
        assertEquals(sig, s.signatureLength());
    }
}
