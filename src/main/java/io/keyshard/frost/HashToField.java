package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9380 hash_to_field (section 5.2) with expand_message_xmd over SHA-256 (section 5.3.1),
 * count 1: what RFC 9591 sections 6.4 and 6.5 use for H1, H2 and H3 of P-256 and secp256k1.
 */
final class HashToField {
    /** L = ceil((ceil(log2(n)) + k) / 8) with k = 128 for both 256-bit suites (RFC 9591 6.4, 6.5). */
    static final int L = 48;

    private static final int B_IN_BYTES = 32;
    private static final int S_IN_BYTES = 64;

    private HashToField() {}

    /** hash_to_field(msg, 1) into the scalars of {@code field} with the given DST. */
    static Scalar hash(ScalarField field, String dst, byte[] msg) {
        return field.reduce(expandMessageXmd(msg, dst.getBytes(StandardCharsets.US_ASCII), L), false);
    }

    /** expand_message_xmd(msg, DST, len_in_bytes) with SHA-256 (RFC 9380 5.3.1). */
    static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
        int ell = (lenInBytes + B_IN_BYTES - 1) / B_IN_BYTES;
        if (ell > 255 || lenInBytes > 65535 || dst.length > 255) {
            throw new IllegalArgumentException("expand_message_xmd: length or DST out of range");
        }
        byte[] dstPrime = ByteArrays.concat(dst, new byte[] {(byte) dst.length});
        byte[] b0 = Digests.sha256(
                new byte[S_IN_BYTES], msg, new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes, 0}, dstPrime);
        byte[] out = new byte[lenInBytes];
        byte[] prev = new byte[B_IN_BYTES];
        for (int i = 1; i <= ell; i++) {
            byte[] x = new byte[B_IN_BYTES];
            for (int j = 0; j < B_IN_BYTES; j++) {
                x[j] = (byte) (b0[j] ^ (i == 1 ? 0 : prev[j]));
            }
            prev = Digests.sha256(x, new byte[] {(byte) i}, dstPrime);
            System.arraycopy(
                    prev, 0, out, (i - 1) * B_IN_BYTES, Math.min(B_IN_BYTES, lenInBytes - (i - 1) * B_IN_BYTES));
        }
        return out;
    }
}
