package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A Schnorr signature (R, z). Encoded as SerializeElement(R) ‖ SerializeScalar(z) (RFC 9591
 * appendix A), or x(R) ‖ z for BIP-340.
 */
public record Signature(Point r, Scalar z) {
    public byte[] encode(Ciphersuite suite) {
        byte[] rEnc = suite.bip340() ? Bip340.x(r) : suite.serializeElement(r);
        return ByteArrays.concat(rEnc, suite.serializeScalar(z));
    }

    /** Decodes strictly; a BIP-340 R is lifted to its even-Y point. */
    public static Signature decode(Ciphersuite suite, byte[] encoded) {
        if (encoded == null || encoded.length != suite.signatureLength()) {
            throw new IllegalArgumentException(
                    "a " + suite.contextString() + " signature is " + suite.signatureLength() + " bytes");
        }
        int split = encoded.length - suite.scalars().byteLength();
        byte[] rEnc = Arrays.copyOfRange(encoded, 0, split);
        Point r = suite.bip340() ? suite.curve().decodePublicKey(rEnc) : suite.deserializeElement(rEnc);
        return new Signature(r, suite.deserializeScalar(Arrays.copyOfRange(encoded, split, encoded.length)));
    }

    /**
     * Verifies under the group key as the suite's standard verifier does: RFC 8032 with the
     * cofactored equation for Edwards (RFC 9591 6.1, 6.3), prime_order_verify (appendix B) for
     * P-256 and secp256k1, BIP-340 Verify under x(PK) for the tr suite.
     */
    public boolean verify(Ciphersuite suite, Point groupKey, byte[] msg) {
        if (suite.bip340()) {
            return Bip340.verify(Bip340.x(groupKey), msg, encode(suite));
        }
        Curve curve = suite.curve();
        BigInteger n = curve.order();
        BigInteger c = suite.challenge(r, groupKey, msg).toBigInteger();
        // z·G - R - c·PK must be the identity (times the cofactor, which is 1 for the Weierstrass curves).
        Point diff = curve.multiSum(
                new BigInteger[] {z.toBigInteger(), n.subtract(BigInteger.ONE), n.subtract(c)},
                new Point[] {curve.generator(), r, groupKey});
        return diff.multiply(cofactor(suite)).isIdentity();
    }

    private static BigInteger cofactor(Ciphersuite suite) {
        return switch (suite) {
            case ED25519_SHA512 -> BigInteger.valueOf(8);
            case ED448_SHAKE256 -> BigInteger.valueOf(4);
            default -> BigInteger.ONE;
        };
    }
}
