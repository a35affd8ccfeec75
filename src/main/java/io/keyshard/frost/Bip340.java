package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.InvalidEncodingException;
import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import java.math.BigInteger;
import java.util.Arrays;

/** BIP-340 tagged hashes and verification, and the BIP-341 TapTweak, for the secp256k1-tr suite. */
public final class Bip340 {
    private Bip340() {}

    /** The 32-byte x-coordinate of a secp256k1 point. */
    public static byte[] x(Point p) {
        return weierstrass(p).xBytes();
    }

    public static boolean hasEvenY(Point p) {
        return weierstrass(p).hasEvenY();
    }

    /**
     * The BIP-341 TapTweak of an internal key: int(hash_TapTweak(x(P) ‖ merkleRoot)), with no root
     * for a key-path-only output (BIP-86). A hash not below the order has no valid output key.
     */
    public static BigInteger tapTweak(Point internalKey, byte[] merkleRoot) {
        if (merkleRoot != null && merkleRoot.length != 32) {
            throw new IllegalArgumentException("a taproot merkle root is 32 bytes, got " + merkleRoot.length);
        }
        byte[] data = merkleRoot == null ? x(internalKey) : ByteArrays.concat(x(internalKey), merkleRoot);
        BigInteger t = new BigInteger(1, Digests.taggedHash("TapTweak", data));
        if (t.compareTo(internalKey.curve().order()) >= 0) {
            throw new IllegalArgumentException("the TapTweak of this key is not below the group order");
        }
        return t;
    }

    /** BIP-340 Verify(pk, m, sig) for a 32-byte x-only key and a 64-byte signature. */
    public static boolean verify(byte[] xOnlyKey, byte[] msg, byte[] sig) {
        if (xOnlyKey == null || xOnlyKey.length != 32 || sig == null || sig.length != 64) {
            return false;
        }
        Curve curve = CurveName.SECP256K1_SCHNORR.curve();
        Point p;
        try {
            p = curve.decodePublicKey(xOnlyKey);
        } catch (InvalidEncodingException e) {
            return false;
        }
        byte[] r = Arrays.copyOfRange(sig, 0, 32);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        BigInteger field = new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
        if (new BigInteger(1, r).compareTo(field) >= 0 || s.compareTo(curve.order()) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, Digests.taggedHash("BIP0340/challenge", ByteArrays.concat(r, xOnlyKey, msg)))
                .mod(curve.order());
        Point rr = curve.multiSum(new BigInteger[] {s, curve.order().subtract(e)}, new Point[] {curve.generator(), p});
        return !rr.isIdentity() && hasEvenY(rr) && Arrays.equals(x(rr), r);
    }

    private static WeierstrassPoint weierstrass(Point p) {
        if (!(p instanceof WeierstrassPoint w)) {
            throw new IllegalArgumentException(
                    "BIP-340 needs a secp256k1 point, got " + p.curve().name());
        }
        return w;
    }
}
