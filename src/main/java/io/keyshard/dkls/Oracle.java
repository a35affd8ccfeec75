package io.keyshard.dkls;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Blake3;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The random oracle of every DKLs23 sub-protocol: SHAKE256 over a domain tag and length-prefixed
 * parts, so that no two different inputs (in tag, in number of parts or in their split) hash alike.
 * The signing's bulk hashes (the OT extension's PRG, rows and challenges, the RVOLE transcript) use
 * BLAKE3 in the same framing instead ({@link #bulk}, {@link #keyed}): on the nodes' C1-compiled code
 * it takes half the time of SHAKE256 for a row hash and about 70 % for the long ones, and these hashes
 * were over a quarter of a signer's work (relay version 3).
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

    /** {@code outLength} bytes of BLAKE3's extended output over the same framing as {@link #hash}. */
    static byte[] bulk(String tag, int outLength, byte[]... parts) {
        return Blake3.hash(null, Framing.frame(DOMAIN + tag, parts), outLength);
    }

    /**
     * Keyed BLAKE3 under the 32-byte {@link #bulk} digest of (tag, parts): one oracle per tag and
     * session whose every input is one message of a fixed length: an input of at most 64 bytes (a
     * base-OT seed, an OT row) costs one compression per 64 output bytes, with no prefix to absorb.
     */
    static Keyed keyed(String tag, byte[]... parts) {
        byte[] key = bulk(tag, 32, parts);
        Keyed oracle = new Keyed(key);
        Arrays.fill(key, (byte) 0);
        return oracle;
    }

    /** One {@link #keyed} oracle, reused for every input of a batch. */
    static final class Keyed {
        private final Blake3 blake3;

        Keyed(byte[] key) {
            blake3 = new Blake3(key);
        }

        /** {@code outLength} bytes of keyed BLAKE3 over {@code in[inOff, inOff + inLength)}. */
        void hash(byte[] in, int inOff, int inLength, byte[] out, int outOff, int outLength) {
            blake3.hash(in, inOff, inLength, out, outOff, outLength);
        }

        /** Zeroes the key and every copy of the inputs (secret seeds and OT rows); the oracle then refuses use. */
        void wipe() {
            blake3.wipe();
        }
    }

    static byte[] u32(int v) {
        return BigEndian.u32(v);
    }

    /** SHAKE256 over the tag and parts in the one {@link Framing}, so no two part lists share an input. */
    private static SHAKEDigest absorb(String tag, byte[]... parts) {
        SHAKEDigest shake = new SHAKEDigest(256);
        byte[] framed = Framing.frame(DOMAIN + tag, parts);
        shake.update(framed, 0, framed.length);
        return shake;
    }
}
