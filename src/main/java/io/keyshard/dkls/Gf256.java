package io.keyshard.dkls;

import java.util.Arrays;

/**
 * GF(2^256) modulo {@code x^256 + x^10 + x^5 + x^2 + 1}, on four 64-bit words (little-endian word
 * order): the field of the KOS15 consistency check. Carry-less products are accumulated unreduced
 * in eight words and reduced once, since reduction is linear. No branch depends on an operand.
 */
final class Gf256 {
    static final int WORDS = 4;

    private Gf256() {}

    /** acc (8 words) ^= a·b, unreduced. */
    static void mulAccumulate(long[] a, long[] b, long[] acc) {
        for (int i = 0; i < 256; i++) {
            long mask = -((b[i >>> 6] >>> (i & 63)) & 1L);
            int w = i >>> 6;
            int s = i & 63;
            for (int k = 0; k < WORDS; k++) {
                long x = a[k] & mask;
                acc[k + w] ^= x << s;
                if (s != 0) {
                    acc[k + w + 1] ^= x >>> (64 - s);
                }
            }
        }
    }

    /** Words of a table for {@link #mulAccumulatePublic}. */
    static final int TABLE = 16 * (WORDS + 1);

    /**
     * acc (8 words, or 9 with a spare that stays zero) ^= a·b, unreduced, for a public b (the
     * consistency check's challenge): b's 4-bit digits index a table of a's 16 multiples (kept in
     * {@code table}, TABLE words, overwritten), 64 table reads instead of 256 masked additions. The
     * table holds a secret a, but which entry is read follows b only.
     */
    static void mulAccumulatePublic(long[] a, long[] b, long[] acc, long[] table) {
        int e = WORDS + 1;
        Arrays.fill(table, 0, e, 0);
        System.arraycopy(a, 0, table, e, WORDS);
        table[2 * e - 1] = 0;
        for (int d = 2; d < 16; d += 2) {
            int half = (d >>> 1) * e;
            int twice = d * e;
            for (int k = e - 1; k > 0; k--) {
                table[twice + k] = (table[half + k] << 1) | (table[half + k - 1] >>> 63);
            }
            table[twice] = table[half] << 1;
            for (int k = 0; k < e; k++) {
                table[twice + e + k] = table[twice + k] ^ table[e + k];
            }
        }
        int top = acc.length;
        for (int i = 0; i < 64; i++) {
            int t = e * (int) ((b[i >>> 4] >>> (4 * (i & 15))) & 15);
            int w = i >>> 4;
            int s = 4 * (i & 15);
            if (s == 0) {
                for (int k = 0; k < e; k++) {
                    acc[w + k] ^= table[t + k];
                }
            } else {
                for (int k = 0; k < e; k++) {
                    long v = table[t + k];
                    acc[w + k] ^= v << s;
                    // Bits past 2·256 are zero: the last spill is skipped when acc has no spare word.
                    if (w + k + 1 < top) {
                        acc[w + k + 1] ^= v >>> (64 - s);
                    }
                }
            }
        }
    }

    /** acc (8 words) ^= a when bit is 1: a times an element of GF(2), constant-time. */
    static void addIf(long[] a, long bit, long[] acc) {
        long mask = -(bit & 1L);
        for (int k = 0; k < WORDS; k++) {
            acc[k] ^= a[k] & mask;
        }
    }

    /** The 8-word accumulator (or 9 with a zero spare) reduced to 4 words. */
    static long[] reduce(long[] c) {
        long[] t = Arrays.copyOf(c, 2 * WORDS);
        for (int k = 7; k >= 4; k--) {
            long h = t[k];
            t[k] = 0;
            t[k - 4] ^= h ^ (h << 2) ^ (h << 5) ^ (h << 10);
            t[k - 3] ^= (h >>> 62) ^ (h >>> 59) ^ (h >>> 54);
        }
        return new long[] {t[0], t[1], t[2], t[3]};
    }

    /** a·b reduced. */
    static long[] multiply(long[] a, long[] b) {
        long[] acc = new long[2 * WORDS];
        mulAccumulate(a, b, acc);
        return reduce(acc);
    }

    /** Reads 32 bytes, little-endian, as an element. */
    static long[] fromBytes(byte[] b, int off) {
        long[] out = new long[WORDS];
        for (int i = 0; i < 32; i++) {
            out[i >>> 3] |= (b[off + i] & 0xffL) << (8 * (i & 7));
        }
        return out;
    }

    static byte[] toBytes(long[] a) {
        byte[] out = new byte[8 * a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (a[i >>> 3] >>> (8 * (i & 7)));
        }
        return out;
    }
}
