package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * RFC 8032 verification of pure Ed25519 and Ed448 signatures (empty context) under a key already decoded,
 * with the cofactorless equation [S]B = R + [k]A as the JDK's verifier checks it.
 */
public final class EdDsaVerifier {
    /** dom4(0, ""): "SigEd448", phflag 0, an empty context. */
    private static final byte[] DOM4 = {'S', 'i', 'g', 'E', 'd', '4', '4', '8', 0, 0};

    private static final int ED448_HASH_BYTES = 114;

    private EdDsaVerifier() {}

    /**
     * True when {@code signature} (R ‖ S) of {@code message} verifies under {@code key}, an ED25519 or
     * ED448 point. S must be below the group order; R must be the canonical encoding of [S]B − [k]A, which
     * is what decoding R and comparing points amounts to, since an encoding that does not decode (or
     * decodes only non-canonically) never equals a computed point's.
     */
    public static boolean verify(Point key, byte[] message, byte[] signature) {
        Curve curve = key.curve();
        CurveName name = curve.name();
        if (name != CurveName.ED25519 && name != CurveName.ED448) {
            throw new IllegalArgumentException("not an EdDSA curve: " + name);
        }
        int n = curve.pointLength();
        if (signature == null || signature.length != 2 * n) {
            return false;
        }
        byte[] r = Arrays.copyOfRange(signature, 0, n);
        BigInteger s = littleEndian(Arrays.copyOfRange(signature, n, 2 * n));
        BigInteger order = curve.order();
        if (s.compareTo(order) >= 0) {
            return false;
        }
        byte[] a = key.encode();
        BigInteger k = littleEndian(name == CurveName.ED25519 ? sha512(r, a, message) : shake256(r, a, message))
                .mod(order);
        Point expected = curve.multiSum(
                new BigInteger[] {s, order.subtract(k).mod(order)}, new Point[] {curve.generator(), key});
        return Arrays.equals(r, expected.isIdentity() ? identity(n) : expected.encode());
    }

    /** The RFC 8032 encoding of the neutral element (0, 1). */
    private static byte[] identity(int length) {
        byte[] out = new byte[length];
        out[0] = 1;
        return out;
    }

    private static byte[] sha512(byte[]... parts) {
        return digest(new SHA512Digest(), 64, parts);
    }

    private static byte[] shake256(byte[]... parts) {
        SHAKEDigest d = new SHAKEDigest(256);
        d.update(DOM4, 0, DOM4.length);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[ED448_HASH_BYTES];
        d.doFinal(out, 0, out.length);
        return out;
    }

    private static byte[] digest(Digest d, int length, byte[]... parts) {
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[length];
        d.doFinal(out, 0);
        return out;
    }

    private static BigInteger littleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }
}
