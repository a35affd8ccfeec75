package io.keyshard.dkls;

/**
 * {@link ModQ}'s Montgomery product and reduction for 256-bit orders (8 limbs of 32 bits, R = 2^256), unrolled
 * so the running sum stays in locals: C1, which compiles the local nodes, neither unrolls loops nor keeps
 * array elements in registers, and these products are most of a signing's order arithmetic. Same
 * constant-time rules as {@link ModQ}: no branch and no memory index on a value.
 */
final class Montgomery256 {
    private static final long LOW = 0xffffffffL;

    private Montgomery256() {}

    /** out = a·b·R^-1 mod q ({@link ModQ#mul}); p = q's limbs, qi = -q^-1 mod 2^32. */
    static void mul(long[] p, long qi, long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        long q0 = p[0];
        long q1 = p[1];
        long q2 = p[2];
        long q3 = p[3];
        long q4 = p[4];
        long q5 = p[5];
        long q6 = p[6];
        long q7 = p[7];
        long a0 = a[ao] & LOW;
        long a1 = a[ao] >>> 32;
        long a2 = a[ao + 1] & LOW;
        long a3 = a[ao + 1] >>> 32;
        long a4 = a[ao + 2] & LOW;
        long a5 = a[ao + 2] >>> 32;
        long a6 = a[ao + 3] & LOW;
        long a7 = a[ao + 3] >>> 32;
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
        for (int i = 0; i < 8; i++) {
            long bi = (b[bo + (i >>> 1)] >>> ((i & 1) << 5)) & LOW;
            long x = t0 + a0 * bi;
            long u = (x * qi) & LOW;
            long y = (x & LOW) + u * q0;
            long c1 = x >>> 32;
            long c2 = y >>> 32;
            x = t1 + a1 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q1 + c2;
            c2 = y >>> 32;
            t0 = y & LOW;
            x = t2 + a2 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q2 + c2;
            c2 = y >>> 32;
            t1 = y & LOW;
            x = t3 + a3 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q3 + c2;
            c2 = y >>> 32;
            t2 = y & LOW;
            x = t4 + a4 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q4 + c2;
            c2 = y >>> 32;
            t3 = y & LOW;
            x = t5 + a5 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q5 + c2;
            c2 = y >>> 32;
            t4 = y & LOW;
            x = t6 + a6 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q6 + c2;
            c2 = y >>> 32;
            t5 = y & LOW;
            x = t7 + a7 * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * q7 + c2;
            c2 = y >>> 32;
            t6 = y & LOW;
            x = t8 + c1 + c2;
            t7 = x & LOW;
            t8 = x >>> 32;
        }
        pack(p, t0, t1, t2, t3, t4, t5, t6, t7, t8, out, oo);
    }

    /** out = v·R^-1 mod q for v < q·R on the 16 32-bit limbs at s[0..16): a window of 8 limbs moves up one per step. */
    static void reduce(long[] p, long qi, long[] s, long[] out, int oo) {
        long q0 = p[0];
        long q1 = p[1];
        long q2 = p[2];
        long q3 = p[3];
        long q4 = p[4];
        long q5 = p[5];
        long q6 = p[6];
        long q7 = p[7];
        long t0 = s[0];
        long t1 = s[1];
        long t2 = s[2];
        long t3 = s[3];
        long t4 = s[4];
        long t5 = s[5];
        long t6 = s[6];
        long t7 = s[7];
        long t8 = 0;
        for (int i = 0; i < 8; i++) {
            long u = (t0 * qi) & LOW;
            long c = (t0 + u * q0) >>> 32;
            long x;
            x = t1 + u * q1 + c;
            c = x >>> 32;
            t0 = x & LOW;
            x = t2 + u * q2 + c;
            c = x >>> 32;
            t1 = x & LOW;
            x = t3 + u * q3 + c;
            c = x >>> 32;
            t2 = x & LOW;
            x = t4 + u * q4 + c;
            c = x >>> 32;
            t3 = x & LOW;
            x = t5 + u * q5 + c;
            c = x >>> 32;
            t4 = x & LOW;
            x = t6 + u * q6 + c;
            c = x >>> 32;
            t5 = x & LOW;
            x = t7 + u * q7 + c;
            c = x >>> 32;
            t6 = x & LOW;
            x = s[8 + i] + c + t8;
            t7 = x & LOW;
            t8 = x >>> 32;
        }
        pack(p, t0, t1, t2, t3, t4, t5, t6, t7, t8, out, oo);
    }

    /** out = t less q unless that borrows, t (below 2q) on 8 limbs of 32 bits and a top bit t8. */
    private static void pack(
            long[] p,
            long t0,
            long t1,
            long t2,
            long t3,
            long t4,
            long t5,
            long t6,
            long t7,
            long t8,
            long[] out,
            int oo) {
        long d0 = t0 - p[0];
        long borrow = d0 >>> 63;
        long d1 = t1 - p[1] - borrow;
        borrow = d1 >>> 63;
        long d2 = t2 - p[2] - borrow;
        borrow = d2 >>> 63;
        long d3 = t3 - p[3] - borrow;
        borrow = d3 >>> 63;
        long d4 = t4 - p[4] - borrow;
        borrow = d4 >>> 63;
        long d5 = t5 - p[5] - borrow;
        borrow = d5 >>> 63;
        long d6 = t6 - p[6] - borrow;
        borrow = d6 >>> 63;
        long d7 = t7 - p[7] - borrow;
        borrow = d7 >>> 63;
        // Subtract q when the top limb carries or the subtraction did not borrow.
        long sub = -(t8 | (borrow ^ 1));
        out[oo + 0] = (((d0 & LOW) | (d1 << 32)) & sub) | ((t0 | (t1 << 32)) & ~sub);
        out[oo + 1] = (((d2 & LOW) | (d3 << 32)) & sub) | ((t2 | (t3 << 32)) & ~sub);
        out[oo + 2] = (((d4 & LOW) | (d5 << 32)) & sub) | ((t4 | (t5 << 32)) & ~sub);
        out[oo + 3] = (((d6 & LOW) | (d7 << 32)) & sub) | ((t6 | (t7 << 32)) & ~sub);
    }
}
