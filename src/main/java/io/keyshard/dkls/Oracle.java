package io.keyshard.dkls;

import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.params.Blake3Parameters;

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
        return blake3(null, Framing.frame(DOMAIN + tag, parts), outLength);
    }

    /**
     * Keyed BLAKE3 under the 32-byte {@link #bulk} digest of (tag, parts): one oracle per tag and
     * session whose every input is one message of a fixed length: an input of at most 64 bytes (a
     * base-OT seed, an OT row) costs one compression per 64 output bytes, with no prefix to absorb.
     */
    static Keyed keyed(String tag, byte[]... parts) {
        return new Keyed(bulk(tag, 32, parts));
    }

    /** BLAKE3 (keyed when {@code key} is not null) over {@code in}, {@code outLength} bytes of output. */
    static byte[] blake3(byte[] key, byte[] in, int outLength) {
        Blake3Digest d = new Blake3Digest(32);
        if (key != null) {
            d.init(Blake3Parameters.key(key));
        }
        d.update(in, 0, in.length);
        byte[] out = new byte[outLength];
        d.doFinal(out, 0, outLength);
        return out;
    }

    /** One {@link #keyed} oracle, reused for every input of a batch. */
    static final class Keyed {
        private final Blake3Digest d = new Blake3Digest(32);

        Keyed(byte[] key) {
            d.init(Blake3Parameters.key(key));
        }

        /** {@code outLength} bytes of keyed BLAKE3 over {@code in[inOff, inOff + inLength)}. */
        void hash(byte[] in, int inOff, int inLength, byte[] out, int outOff, int outLength) {
            d.update(in, inOff, inLength);
            d.doFinal(out, outOff, outLength);
        }

        /**
         * Overwrites the digest's own copies of the last input (its message words and state, which a
         * reset keeps) by hashing a zero block: the inputs are secret seeds and OT rows.
         */
        void wipe() {
            byte[] zero = new byte[64];
            hash(zero, 0, zero.length, zero, 0, zero.length);
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
