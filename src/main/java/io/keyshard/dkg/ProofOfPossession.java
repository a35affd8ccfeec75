package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The Schnorr proof of knowledge of {@code a_0} behind {@code C_0 = a_0·G} (FROST keygen round 1):
 * {@code R = k·G}, {@code c = H(sessionId, i, C_0, R)}, {@code z = k + a_0·c}. Binding the session
 * and the sender stops a rogue-key attack and a proof copied from another session or server.
 */
final class ProofOfPossession {
    private ProofOfPossession() {}

    /** A proof as it travels: the encoded nonce point R and the encoded response scalar z. */
    record Proof(byte[] r, byte[] z) {}

    static Proof prove(Curve curve, byte[] sessionId, int sender, Scalar a0, Point c0, SecureRandom random) {
        // Hedged nonce: fresh randomness mixed with the secret, so a weak RNG alone cannot leak a_0.
        byte[] extra = new byte[32];
        random.nextBytes(extra);
        byte[] secret = a0.encode();
        Scalar k = curve.hashToSecretScalar("dkg-pop-nonce", secret, sessionId, ProtocolHash.u32(sender), extra);
        Arrays.fill(secret, (byte) 0);
        if (k.isZero()) {
            k = curve.scalars().random(random);
        }
        Point r = curve.multiplyBase(k);
        byte[] rEncoded = r.encode();
        Scalar c = curve.scalars().of(challenge(curve, sessionId, sender, c0, rEncoded));
        Scalar a0c = a0.multiply(c);
        Scalar z = k.add(a0c);
        try {
            return new Proof(rEncoded, z.encode());
        } finally {
            k.destroy();
            a0c.destroy();
            z.destroy();
        }
    }

    /**
     * Checks {@code z·G - c·C_0} against R by its encoding: no decoding of R is needed (on Edwards curves
     * that would cost a subgroup check, a full scalar multiplication), and a point computed from G and a
     * checked C_0 is in the prime-order group, so equal canonical bytes mean a valid R.
     */
    static boolean verify(Curve curve, byte[] sessionId, int sender, Point c0, byte[] rEncoded, BigInteger z) {
        BigInteger c = challenge(curve, sessionId, sender, c0, rEncoded);
        Point check =
                curve.multiSum(new BigInteger[] {z, curve.order().subtract(c)}, new Point[] {curve.generator(), c0});
        return !check.isIdentity() && MessageDigest.isEqual(check.encode(), rEncoded);
    }

    private static BigInteger challenge(Curve curve, byte[] sessionId, int sender, Point c0, byte[] rEncoded) {
        return curve.hashToScalar("dkg-pop", sessionId, ProtocolHash.u32(sender), c0.encode(), rEncoded);
    }
}
