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
     * acc (8 words, or 9 with a spare that stays zero) ^= a·b, unreduced, for a public b at b[bo..bo + 4) (the
     * consistency check's challenge): b's 4-bit digits index a table of a's 16 multiples (kept in
     * {@code table}, TABLE words, overwritten), 64 table reads instead of 256 masked additions. The
     * table holds a secret a, but which entry is read follows b only. The reads go digit position by
     * digit position over b's four words (a comb): each entry is added unshifted at its word and the
     * 512-bit sum, kept in locals, moves up 4 bits per position; it never exceeds 511 bits.
     */
    static void mulAccumulatePublic(long[] a, long[] b, int bo, long[] acc, long[] table) {
        long a0 = a[0];
        long a1 = a[1];
        long a2 = a[2];
        long a3 = a[3];
        Arrays.fill(table, 0, 5, 0);
        table[5] = a0;
        table[6] = a1;
        table[7] = a2;
        table[8] = a3;
        table[9] = 0;
        for (int s = 1; s < 4; s++) {
            // Entries 2^s..2^(s+1)-1 are a·x^s plus the entries below 2^s.
            long s0 = a0 << s;
            long s1 = (a1 << s) | (a0 >>> (64 - s));
            long s2 = (a2 << s) | (a1 >>> (64 - s));
            long s3 = (a3 << s) | (a2 >>> (64 - s));
            long s4 = a3 >>> (64 - s);
            for (int d = 0, o = 5 << s; d < 5 << s; d += 5, o += 5) {
                table[o] = s0 ^ table[d];
                table[o + 1] = s1 ^ table[d + 1];
                table[o + 2] = s2 ^ table[d + 2];
                table[o + 3] = s3 ^ table[d + 3];
                table[o + 4] = s4 ^ table[d + 4];
            }
        }
        long b0 = b[bo];
        long b1 = b[bo + 1];
        long b2 = b[bo + 2];
        long b3 = b[bo + 3];
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        long c4 = 0;
        long c5 = 0;
        long c6 = 0;
        long c7 = 0;
        for (int p = 60; p >= 0; p -= 4) {
            c7 = (c7 << 4) | (c6 >>> 60);
            c6 = (c6 << 4) | (c5 >>> 60);
            c5 = (c5 << 4) | (c4 >>> 60);
            c4 = (c4 << 4) | (c3 >>> 60);
            c3 = (c3 << 4) | (c2 >>> 60);
            c2 = (c2 << 4) | (c1 >>> 60);
            c1 = (c1 << 4) | (c0 >>> 60);
            c0 <<= 4;
            int t = 5 * (int) ((b0 >>> p) & 15);
            c0 ^= table[t];
            c1 ^= table[t + 1];
            c2 ^= table[t + 2];
            c3 ^= table[t + 3];
            c4 ^= table[t + 4];
            t = 5 * (int) ((b1 >>> p) & 15);
            c1 ^= table[t];
            c2 ^= table[t + 1];
            c3 ^= table[t + 2];
            c4 ^= table[t + 3];
            c5 ^= table[t + 4];
            t = 5 * (int) ((b2 >>> p) & 15);
            c2 ^= table[t];
            c3 ^= table[t + 1];
            c4 ^= table[t + 2];
            c5 ^= table[t + 3];
            c6 ^= table[t + 4];
            t = 5 * (int) ((b3 >>> p) & 15);
            c3 ^= table[t];
            c4 ^= table[t + 1];
            c5 ^= table[t + 2];
            c6 ^= table[t + 3];
            c7 ^= table[t + 4];
        }
        acc[0] ^= c0;
        acc[1] ^= c1;
        acc[2] ^= c2;
        acc[3] ^= c3;
        acc[4] ^= c4;
        acc[5] ^= c5;
        acc[6] ^= c6;
        acc[7] ^= c7;
    }

    /** acc (8 words) ^= a (at a[ao..ao + 4)) when bit is 1: a times an element of GF(2), constant-time. */
    static void addIf(long[] a, int ao, long bit, long[] acc) {
        long mask = -(bit & 1L);
        for (int k = 0; k < WORDS; k++) {
            acc[k] ^= a[ao + k] & mask;
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
        Words.le(b, off, out, 0, WORDS);
        return out;
    }

    static byte[] toBytes(long[] a) {
        byte[] out = new byte[8 * a.length];
        Words.putLe(a, 0, a.length, out, 0);
        return out;
    }
}
