package io.keyshard.curve;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * The prime fields of secp256k1 and P-256 on eight 32-bit words (little-endian, always below p), in place and
 * in constant time: no branch and no index on a value, carries and corrections by masks. Shaped for the local
 * nodes' C1 compiler, which keeps locals in registers but not array elements and does not unroll loops: a
 * product is one unrolled schoolbook pass in locals and the curve's own reduction (secp256k1: {@code 2^256 ≡
 * 2^32 + 977}; P-256: the NIST word combination of FIPS 186-4 D.2), about 1.8 times as fast as Bouncy Castle's
 * {@code Nat256.mul} under C1. Inversion is Bouncy Castle's constant-time safegcd. Not thread-safe: an instance
 * keeps scratch words.
 */
abstract class Field256 implements AffineField {
    static final long M = 0xffffffffL;

    /** The 16 words of the last product. */
    final long[] w = new long[16];

    private final int[] p;
    /** p's words as unsigned longs: straight-line code reads them without masking. */
    private final long p0, p1, p2, p3, p4, p5, p6, p7;

    private Field256(int[] p) {
        this.p = p;
        p0 = p[0] & M;
        p1 = p[1] & M;
        p2 = p[2] & M;
        p3 = p[3] & M;
        p4 = p[4] & M;
        p5 = p[5] & M;
        p6 = p[6] & M;
        p7 = p[7] & M;
    }

    /** The field of {@code curve}, or null when it is not one of the two. */
    static Field256 of(CurveName curve) {
        return switch (curve) {
            case SECP256K1, SECP256K1_SCHNORR -> new Secp256k1();
            case P256 -> new P256();
            default -> null;
        };
    }

    @Override
    public final int words() {
        return 8;
    }

    @Override
    public final void mul(int[] x, int[] y, int[] z) {
        product(x, y, w);
        reduce(w, z);
    }

    @Override
    public final void sqr(int[] x, int[] z) {
        mul(x, x, z);
    }

    @Override
    public final void sub(int[] x, int[] y, int[] z) {
        long d0 = (x[0] & M) - (y[0] & M);
        long d1 = (x[1] & M) - (y[1] & M) + (d0 >> 32);
        long d2 = (x[2] & M) - (y[2] & M) + (d1 >> 32);
        long d3 = (x[3] & M) - (y[3] & M) + (d2 >> 32);
        long d4 = (x[4] & M) - (y[4] & M) + (d3 >> 32);
        long d5 = (x[5] & M) - (y[5] & M) + (d4 >> 32);
        long d6 = (x[6] & M) - (y[6] & M) + (d5 >> 32);
        long d7 = (x[7] & M) - (y[7] & M) + (d6 >> 32);
        long add = d7 >> 63; // a borrow adds p back; the carry out wraps away
        long c = (d0 & M) + (p0 & add);
        z[0] = (int) c;
        c = (c >>> 32) + (d1 & M) + (p1 & add);
        z[1] = (int) c;
        c = (c >>> 32) + (d2 & M) + (p2 & add);
        z[2] = (int) c;
        c = (c >>> 32) + (d3 & M) + (p3 & add);
        z[3] = (int) c;
        c = (c >>> 32) + (d4 & M) + (p4 & add);
        z[4] = (int) c;
        c = (c >>> 32) + (d5 & M) + (p5 & add);
        z[5] = (int) c;
        c = (c >>> 32) + (d6 & M) + (p6 & add);
        z[6] = (int) c;
        c = (c >>> 32) + (d7 & M) + (p7 & add);
        z[7] = (int) c;
    }

    @Override
    public final void negateIf(int negate, int[] y) {
        int mask = -negate;
        long c = 0;
        for (int i = 0; i < 8; i++) {
            c += (p[i] & M) - (y[i] & M);
            y[i] = (y[i] & ~mask) | ((int) c & mask);
            c >>= 32;
        }
    }

    @Override
    public final int[] fromBigInteger(BigInteger v) {
        return Nat256.fromBigInteger(v);
    }

    @Override
    public final BigInteger toBigInteger(int[] x) {
        return Nat256.toBigInteger(x);
    }

    /** Reduces the 16-word product in {@code w} into z, below p. */
    abstract void reduce(long[] w, int[] z);

    /** z = r - p when r ≥ p, else r (r as eight words below 2^32 each and a top word of 0 or 1), straight-line. */
    final void subtractPIfAbove(
            long r0, long r1, long r2, long r3, long r4, long r5, long r6, long r7, long top, int[] z) {
        long d0 = r0 - p0;
        long d1 = r1 - p1 + (d0 >> 32);
        long d2 = r2 - p2 + (d1 >> 32);
        long d3 = r3 - p3 + (d2 >> 32);
        long d4 = r4 - p4 + (d3 >> 32);
        long d5 = r5 - p5 + (d4 >> 32);
        long d6 = r6 - p6 + (d5 >> 32);
        long d7 = r7 - p7 + (d6 >> 32);
        long keep = (top + (d7 >> 32)) >> 63; // all ones when r < p: keep r, else take r - p
        z[0] = (int) ((r0 & keep) | (d0 & ~keep));
        z[1] = (int) ((r1 & keep) | (d1 & ~keep));
        z[2] = (int) ((r2 & keep) | (d2 & ~keep));
        z[3] = (int) ((r3 & keep) | (d3 & ~keep));
        z[4] = (int) ((r4 & keep) | (d4 & ~keep));
        z[5] = (int) ((r5 & keep) | (d5 & ~keep));
        z[6] = (int) ((r6 & keep) | (d6 & ~keep));
        z[7] = (int) ((r7 & keep) | (d7 & ~keep));
    }

    /** The 512-bit product x·y as 16 words below 2^32, row by row with the running words in locals. */
    static void product(int[] x, int[] y, long[] w) {
        long y0 = y[0] & M, y1 = y[1] & M, y2 = y[2] & M, y3 = y[3] & M;
        long y4 = y[4] & M, y5 = y[5] & M, y6 = y[6] & M, y7 = y[7] & M;
        long z0, z1, z2, z3, z4, z5, z6, z7, z8, z9, z10, z11, z12, z13, z14, z15;
        long xi = x[0] & M;
        long c = xi * y0;
        z0 = c & M;
        c = (c >>> 32) + xi * y1;
        z1 = c & M;
        c = (c >>> 32) + xi * y2;
        z2 = c & M;
        c = (c >>> 32) + xi * y3;
        z3 = c & M;
        c = (c >>> 32) + xi * y4;
        z4 = c & M;
        c = (c >>> 32) + xi * y5;
        z5 = c & M;
        c = (c >>> 32) + xi * y6;
        z6 = c & M;
        c = (c >>> 32) + xi * y7;
        z7 = c & M;
        z8 = c >>> 32;
        xi = x[1] & M;
        c = xi * y0 + z1;
        z1 = c & M;
        c = (c >>> 32) + xi * y1 + z2;
        z2 = c & M;
        c = (c >>> 32) + xi * y2 + z3;
        z3 = c & M;
        c = (c >>> 32) + xi * y3 + z4;
        z4 = c & M;
        c = (c >>> 32) + xi * y4 + z5;
        z5 = c & M;
        c = (c >>> 32) + xi * y5 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y6 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y7 + z8;
        z8 = c & M;
        z9 = c >>> 32;
        xi = x[2] & M;
        c = xi * y0 + z2;
        z2 = c & M;
        c = (c >>> 32) + xi * y1 + z3;
        z3 = c & M;
        c = (c >>> 32) + xi * y2 + z4;
        z4 = c & M;
        c = (c >>> 32) + xi * y3 + z5;
        z5 = c & M;
        c = (c >>> 32) + xi * y4 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y5 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y6 + z8;
        z8 = c & M;
        c = (c >>> 32) + xi * y7 + z9;
        z9 = c & M;
        z10 = c >>> 32;
        xi = x[3] & M;
        c = xi * y0 + z3;
        z3 = c & M;
        c = (c >>> 32) + xi * y1 + z4;
        z4 = c & M;
        c = (c >>> 32) + xi * y2 + z5;
        z5 = c & M;
        c = (c >>> 32) + xi * y3 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y4 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y5 + z8;
        z8 = c & M;
        c = (c >>> 32) + xi * y6 + z9;
        z9 = c & M;
        c = (c >>> 32) + xi * y7 + z10;
        z10 = c & M;
        z11 = c >>> 32;
        xi = x[4] & M;
        c = xi * y0 + z4;
        z4 = c & M;
        c = (c >>> 32) + xi * y1 + z5;
        z5 = c & M;
        c = (c >>> 32) + xi * y2 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y3 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y4 + z8;
        z8 = c & M;
        c = (c >>> 32) + xi * y5 + z9;
        z9 = c & M;
        c = (c >>> 32) + xi * y6 + z10;
        z10 = c & M;
        c = (c >>> 32) + xi * y7 + z11;
        z11 = c & M;
        z12 = c >>> 32;
        xi = x[5] & M;
        c = xi * y0 + z5;
        z5 = c & M;
        c = (c >>> 32) + xi * y1 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y2 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y3 + z8;
        z8 = c & M;
        c = (c >>> 32) + xi * y4 + z9;
        z9 = c & M;
        c = (c >>> 32) + xi * y5 + z10;
        z10 = c & M;
        c = (c >>> 32) + xi * y6 + z11;
        z11 = c & M;
        c = (c >>> 32) + xi * y7 + z12;
        z12 = c & M;
        z13 = c >>> 32;
        xi = x[6] & M;
        c = xi * y0 + z6;
        z6 = c & M;
        c = (c >>> 32) + xi * y1 + z7;
        z7 = c & M;
        c = (c >>> 32) + xi * y2 + z8;
        z8 = c & M;
        c = (c >>> 32) + xi * y3 + z9;
        z9 = c & M;
        c = (c >>> 32) + xi * y4 + z10;
        z10 = c & M;
        c = (c >>> 32) + xi * y5 + z11;
        z11 = c & M;
        c = (c >>> 32) + xi * y6 + z12;
        z12 = c & M;
        c = (c >>> 32) + xi * y7 + z13;
        z13 = c & M;
        z14 = c >>> 32;
        xi = x[7] & M;
        c = xi * y0 + z7;
        w[7] = c & M;
        c = (c >>> 32) + xi * y1 + z8;
        w[8] = c & M;
        c = (c >>> 32) + xi * y2 + z9;
        w[9] = c & M;
        c = (c >>> 32) + xi * y3 + z10;
        w[10] = c & M;
        c = (c >>> 32) + xi * y4 + z11;
        w[11] = c & M;
        c = (c >>> 32) + xi * y5 + z12;
        w[12] = c & M;
        c = (c >>> 32) + xi * y6 + z13;
        w[13] = c & M;
        c = (c >>> 32) + xi * y7 + z14;
        w[14] = c & M;
        w[15] = c >>> 32;
        w[0] = z0;
        w[1] = z1;
        w[2] = z2;
        w[3] = z3;
        w[4] = z4;
        w[5] = z5;
        w[6] = z6;
    }

    /** secp256k1's p = 2^256 - 2^32 - 977: the high half folds in times {@code 2^32 + 977}. */
    static final class Secp256k1 extends Field256 {
        private static final long K = 977;

        Secp256k1() {
            super(Nat256.fromBigInteger(
                    new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16)));
        }

        @Override
        public void inv(int[] x, int[] z) {
            SecP256K1Field.inv(x, z);
        }

        @Override
        void reduce(long[] w, int[] z) {
            // w_lo + w_hi·977 + w_hi·2^32: each step's sum stays below 2^64
            long c = w[0] + w[8] * K;
            long r0 = c & M;
            c = (c >>> 32) + w[1] + w[9] * K + w[8];
            long r1 = c & M;
            c = (c >>> 32) + w[2] + w[10] * K + w[9];
            long r2 = c & M;
            c = (c >>> 32) + w[3] + w[11] * K + w[10];
            long r3 = c & M;
            c = (c >>> 32) + w[4] + w[12] * K + w[11];
            long r4 = c & M;
            c = (c >>> 32) + w[5] + w[13] * K + w[12];
            long r5 = c & M;
            c = (c >>> 32) + w[6] + w[14] * K + w[13];
            long r6 = c & M;
            c = (c >>> 32) + w[7] + w[15] * K + w[14];
            long r7 = c & M;
            long t = (c >>> 32) + w[15]; // below 2^34: fold again
            c = r0 + t * K;
            r0 = c & M;
            c = (c >>> 32) + r1 + t;
            r1 = c & M;
            c = (c >>> 32) + r2;
            r2 = c & M;
            c = (c >>> 32) + r3;
            r3 = c & M;
            c = (c >>> 32) + r4;
            r4 = c & M;
            c = (c >>> 32) + r5;
            r5 = c & M;
            c = (c >>> 32) + r6;
            r6 = c & M;
            c = (c >>> 32) + r7;
            r7 = c & M;
            // a carry of 1 leaves r below 2^67, so folding it in once more cannot carry again
            t = c >>> 32;
            c = r0 + t * (K + (1L << 32));
            r0 = c & M;
            c = (c >>> 32) + r1;
            r1 = c & M;
            c = (c >>> 32) + r2;
            r2 = c & M;
            c = (c >>> 32) + r3;
            r3 = c & M;
            c = (c >>> 32) + r4;
            r4 = c & M;
            c = (c >>> 32) + r5;
            r5 = c & M;
            c = (c >>> 32) + r6;
            r6 = c & M;
            c = (c >>> 32) + r7;
            r7 = c & M;
            subtractPIfAbove(r0, r1, r2, r3, r4, r5, r6, r7, 0, z);
        }
    }

    /** P-256's p = 2^256 - 2^224 + 2^192 + 2^96 - 1: the word combination of FIPS 186-4 D.2, then folds. */
    static final class P256 extends Field256 {
        P256() {
            super(Nat256.fromBigInteger(
                    new BigInteger("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16)));
        }

        @Override
        public void inv(int[] x, int[] z) {
            SecP256R1Field.inv(x, z);
        }

        @Override
        void reduce(long[] w, int[] z) {
            long c8 = w[8], c9 = w[9], c10 = w[10], c11 = w[11], c12 = w[12], c13 = w[13], c14 = w[14], c15 = w[15];
            // s1 + 2·s2 + 2·s3 + s4 + s5 - s6 - s7 - s8 - s9, word by word (signed, below 2^37 in size)
            long t0 = w[0] + c8 + c9 - c11 - c12 - c13 - c14;
            long t1 = w[1] + c9 + c10 - c12 - c13 - c14 - c15;
            long t2 = w[2] + c10 + c11 - c13 - c14 - c15;
            long t3 = w[3] + 2 * (c11 + c12) + c13 - c15 - c8 - c9;
            long t4 = w[4] + 2 * (c12 + c13) + c14 - c9 - c10;
            long t5 = w[5] + 2 * (c13 + c14) + c15 - c10 - c11;
            long t6 = w[6] + 3 * c14 + 2 * c15 + c13 - c8 - c9;
            long t7 = w[7] + 3 * c15 + c8 - c10 - c11 - c12 - c13;
            long c = t0;
            t0 = c & M;
            c = (c >> 32) + t1;
            t1 = c & M;
            c = (c >> 32) + t2;
            t2 = c & M;
            c = (c >> 32) + t3;
            t3 = c & M;
            c = (c >> 32) + t4;
            t4 = c & M;
            c = (c >> 32) + t5;
            t5 = c & M;
            c = (c >> 32) + t6;
            t6 = c & M;
            c = (c >> 32) + t7;
            t7 = c & M;
            // value = t + k·2^256 with k small and signed; 2^256 ≡ 2^224 - 2^192 - 2^96 + 1, folded in twice
            for (int round = 0; round < 2; round++) {
                long k = c >> 32;
                c = t0 + k;
                t0 = c & M;
                c = (c >> 32) + t1;
                t1 = c & M;
                c = (c >> 32) + t2;
                t2 = c & M;
                c = (c >> 32) + t3 - k;
                t3 = c & M;
                c = (c >> 32) + t4;
                t4 = c & M;
                c = (c >> 32) + t5;
                t5 = c & M;
                c = (c >> 32) + t6 - k;
                t6 = c & M;
                c = (c >> 32) + t7 + k;
                t7 = c & M;
            }
            // now 0 ≤ value < 2^256 + small: one conditional subtraction of p brings it below p
            subtractPIfAbove(t0, t1, t2, t3, t4, t5, t6, t7, c >> 32, z);
        }
    }
}
