package io.keyshard.dkls;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The random oracle of every DKLs23 sub-protocol: SHAKE256 over a domain tag and length-prefixed
 * parts, so that no two different inputs (in tag, in number of parts or in their split) hash alike.
 */
final class Oracle {
    private static final String DOMAIN = "keyshard/dkls23/";
    /** Extra bytes hashed beyond the order's length: the bias of the reduction is below 2^-128. */
    private static final int WIDE = 16;

    private Oracle() {}

    /** {@code outLength} bytes of SHAKE256(tag, parts). */
    static byte[] hash(String tag, int outLength, byte[]... parts) {
        SHAKEDigest shake = absorb(tag, parts);
        byte[] out = new byte[outLength];
        shake.doFinal(out, 0, outLength);
        return out;
    }

    /** 32 bytes of SHAKE256(tag, parts). */
    static byte[] hash32(String tag, byte[]... parts) {
        return hash(tag, 32, parts);
    }

    /** A scalar mod the field's order from SHAKE256(tag, parts), reduced in constant time. */
    static Scalar scalar(ScalarField field, String tag, byte[]... parts) {
        return field.reduce(hash(tag, field.byteLength() + WIDE, parts), false);
    }

    /** A scalar mod the field's order from uniform bytes (a PRG output, a random draw). */
    static Scalar wideScalar(ScalarField field, byte[] uniform) {
        return field.reduce(uniform, false);
    }

    /** Bytes needed by {@link #wideScalar}. */
    static int wideLength(ScalarField field) {
        return field.byteLength() + WIDE;
    }

    static byte[] u32(int v) {
        return BigEndian.u32(v);
    }

    /**
     * The framed tag and parts, for many hashes that share them and each append data of one fixed
     * length (so the input stays unambiguous): one reused SHAKE256 absorbs these bytes and then the
     * appended data, which costs no more permutations than absorbing a copied state would.
     */
    static byte[] prefix(String tag, byte[]... parts) {
        return Framing.frame(DOMAIN + tag, parts);
    }

    /** SHAKE256 over the tag and parts in the one {@link Framing}, so no two part lists share an input. */
    private static SHAKEDigest absorb(String tag, byte[]... parts) {
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] framed = Framing.frame(DOMAIN + tag, parts);
        shake.update(framed, 0, framed.length);
        return shake;
    }
}
