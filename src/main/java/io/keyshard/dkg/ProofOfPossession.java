package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The Schnorr proof of knowledge of {@code a_0} behind {@code C_0 = a_0·G} (FROST keygen round 1):
 * {@code R = k·G}, {@code c = H(sessionId, i, C_0, R)}, {@code z = k + a_0·c}. Binding the session
 * and the sender stops a rogue-key attack and a proof copied from another session or server.
 */
final class ProofOfPossession {
    private ProofOfPossession() {
    }

    /** Returns {@code {R encoded, z encoded}}. */
    static byte[][] prove(Curve curve, byte[] sessionId, int sender, BigInteger a0, Point c0, SecureRandom random) {
        // Hedged nonce: fresh randomness mixed with the secret, so a weak RNG alone cannot leak a_0.
        byte[] extra = new byte[32];
        random.nextBytes(extra);
        byte[] secret = curve.encodeScalar(a0);
        BigInteger k = curve.hashToScalar("dkg-pop-nonce", secret, sessionId, Hashing.u32(sender), extra);
        Arrays.fill(secret, (byte) 0);
        if (k.signum() == 0) {
            k = curve.randomScalar(random);
        }
        Point r = curve.multiplyBase(k);
        BigInteger c = challenge(curve, sessionId, sender, c0, r);
        BigInteger z = k.add(a0.multiply(c)).mod(curve.order());
        return new byte[][] {r.encode(), curve.encodeScalar(z)};
    }

    static boolean verify(Curve curve, byte[] sessionId, int sender, Point c0, Point r, BigInteger z) {
        BigInteger c = challenge(curve, sessionId, sender, c0, r);
        Point check = curve.multiSum(new BigInteger[] {z, curve.order().subtract(c)}, new Point[] {curve.generator(), c0});
        return check.equals(r);
    }

    private static BigInteger challenge(Curve curve, byte[] sessionId, int sender, Point c0, Point r) {
        return curve.hashToScalar("dkg-pop", sessionId, Hashing.u32(sender), c0.encode(), r.encode());
    }
}
