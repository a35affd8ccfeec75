package io.keyshard.payload.bitcoin;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.frost.Bip340;
import java.math.BigInteger;

/** BIP-341 key-path outputs: the TapTweak of an x-only internal key and the output key it gives. */
public final class Taproot {
    private Taproot() {}

    /** t = int(hash_TapTweak(x(P) ‖ merkleRoot)) as 32 bytes; {@code merkleRoot} null for BIP-86. */
    public static byte[] tweak(byte[] internalKey, byte[] merkleRoot) {
        Curve curve = CurveName.SECP256K1_SCHNORR.curve();
        return curve.encodeScalar(Bip340.tapTweak(curve.decodePublicKey(internalKey), merkleRoot));
    }

    /** x(Q) for Q = lift_x(P) + t·G: the key a P2TR output pays to. */
    public static byte[] outputKey(byte[] internalKey, byte[] merkleRoot) {
        Curve curve = CurveName.SECP256K1_SCHNORR.curve();
        Point p = curve.decodePublicKey(internalKey);
        BigInteger t = Bip340.tapTweak(p, merkleRoot);
        // t is public: a hash of the public internal key.
        Point q = p.add(curve.generator().multiply(t));
        if (q.isIdentity()) {
            throw new IllegalArgumentException("the taproot output key is the identity");
        }
        return Bip340.x(q);
    }
}
