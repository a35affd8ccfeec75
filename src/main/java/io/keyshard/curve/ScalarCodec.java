package io.keyshard.curve;

import io.keyshard.bytes.Framing;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/** Scalar encoding, hashing and sampling shared by every curve; only byte order and length differ. */
final class ScalarCodec {
    private final BigInteger order;
    private final int length;
    private final boolean littleEndian;
    private final ScalarField field;

    ScalarCodec(BigInteger order, int length, boolean littleEndian) {
        this.order = order;
        this.length = length;
        this.littleEndian = littleEndian;
        this.field = new ScalarField(order, length, littleEndian);
    }

    ScalarField field() {
        return field;
    }

    BigInteger order() {
        return order;
    }

    int length() {
        return length;
    }

    byte[] encode(BigInteger s) {
        if (s.signum() < 0 || s.compareTo(order) >= 0) {
            throw new IllegalArgumentException("scalar out of range [0, n-1]");
        }
        byte[] be = s.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(be.length, length);
        System.arraycopy(be, be.length - copy, out, length - copy, copy);
        if (littleEndian) {
            reverse(out);
        }
        return out;
    }

    BigInteger decode(byte[] encoded) {
        if (encoded == null || encoded.length != length) {
            throw new InvalidEncodingException(
                    "scalar must be " + length + " bytes, got " + (encoded == null ? "none" : encoded.length));
        }
        byte[] be = encoded.clone();
        if (littleEndian) {
            reverse(be);
        }
        BigInteger s = new BigInteger(1, be);
        if (s.compareTo(order) >= 0) {
            throw new InvalidEncodingException("scalar is not below the group order (non-canonical)");
        }
        return s;
    }

    BigInteger decodeNonZero(byte[] encoded) {
        BigInteger s = decode(encoded);
        if (s.signum() == 0) {
            throw new InvalidEncodingException("scalar must not be zero");
        }
        return s;
    }

    /** SHAKE256 output with 128 extra bits, read big-endian and reduced mod n in constant time. */
    Scalar hash(String tag, byte[]... parts) {
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] framed = Framing.frame(tag, parts);
        shake.update(framed, 0, framed.length);
        byte[] out = new byte[(order.bitLength() + 7) / 8 + 16];
        shake.doFinal(out, 0, out.length);
        try {
            return field.reduce(out, false);
        } finally {
            Arrays.fill(framed, (byte) 0);
            Arrays.fill(out, (byte) 0);
        }
    }

    BigInteger random(SecureRandom random) {
        int bits = order.bitLength();
        while (true) {
            BigInteger k = new BigInteger(bits, random);
            if (k.signum() > 0 && k.compareTo(order) < 0) {
                return k;
            }
        }
    }

    static void reverse(byte[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
