package io.keyshard.dkls;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Arithmetic mod the group order q on fixed-width 64-bit limbs in Montgomery form (R = 2^(64·n)), for
 * the long vectors of the random VOLE and the correlated OT. Elements sit at offsets of flat
 * {@code long[]} arrays and every operation writes into a given slot with a caller's scratch, so the
 * hundreds of thousands of products of a signature allocate nothing. No branch and no memory access
 * depends on a value: carries and the final corrections are masks, and {@link Math#multiplyHigh} is
 * the processor's multiplication.
 */
final class ModQ {
    private static final Map<CurveName, ModQ> CACHE = new EnumMap<>(CurveName.class);

    /** Limbs per element. */
    final int n;

    private final Group g;
    private final long[] q;
    private final long q0inv;
    private final long[] r2;
    private final long[] r3;
    private final long[] plainOne;
    private final int byteLength;
    private final int wideLimbs;

    private ModQ(Group g) {
        this.g = g;
        BigInteger order = g.order();
        this.n = (order.bitLength() + 63) / 64;
        this.q = limbs(order, n);
        this.q0inv = order.negate().modInverse(BigInteger.ONE.shiftLeft(64)).longValue();
        BigInteger r = BigInteger.ONE.shiftLeft(64 * n).mod(order);
        this.r2 = limbs(r.multiply(r).mod(order), n);
        this.r3 = limbs(r.multiply(r).multiply(r).mod(order), n);
        this.plainOne = new long[n];
        plainOne[0] = 1;
        this.byteLength = g.field().byteLength();
        this.wideLimbs = (Oracle.wideLength(g.field()) + 7) / 8;
        if (wideLimbs > 2 * n) {
            throw new IllegalStateException("the wide reduction takes at most two limb blocks");
        }
    }

    /** The arithmetic of a group's order, made once. */
    static synchronized ModQ of(Group g) {
        return CACHE.computeIfAbsent(g.curve().name(), k -> new ModQ(g));
    }

    /** A zeroed vector of {@code count} elements. */
    long[] vector(int count) {
        return new long[count * n];
    }

    /** Scratch for {@link #mul}. */
    long[] scratch() {
        return new long[n + 2];
    }

    /** Bytes of a uniform input to {@link #reduceWide}: the order's length and 128 bits more. */
    int wideBytes() {
        return Oracle.wideLength(g.field());
    }

    /** out = a·b·R^-1 mod q (Montgomery product, CIOS), for a < R and b < q; out may alias a or b. */
    void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo, long[] t) {
        int k = n;
        Arrays.fill(t, 0);
        for (int i = 0; i < k; i++) {
            long bi = b[bo + i];
            long c = 0;
            for (int j = 0; j < k; j++) {
                long aj = a[ao + j];
                long lo = aj * bi;
                long hi = mulHigh(aj, bi);
                long s = t[j] + lo;
                hi += carry(t[j], lo, s);
                long s2 = s + c;
                hi += carry(s, c, s2);
                t[j] = s2;
                c = hi;
            }
            long s = t[k] + c;
            t[k + 1] = carry(t[k], c, s);
            t[k] = s;
            long m = t[0] * q0inv;
            long lo = m * q[0];
            long hi = mulHigh(m, q[0]);
            c = hi + carry(t[0], lo, t[0] + lo);
            for (int j = 1; j < k; j++) {
                lo = m * q[j];
                hi = mulHigh(m, q[j]);
                long x = t[j] + lo;
                hi += carry(t[j], lo, x);
                long x2 = x + c;
                hi += carry(x, c, x2);
                t[j - 1] = x2;
                c = hi;
            }
            long x = t[k] + c;
            long cc = carry(t[k], c, x);
            t[k - 1] = x;
            t[k] = t[k + 1] + cc;
        }
        // t < 2q: subtract q unless that borrows out of the top limb.
        long borrow = 0;
        for (int j = 0; j < k; j++) {
            long d = t[j] - q[j] - borrow;
            borrow = borrowOut(t[j], q[j], d);
            out[oo + j] = d;
        }
        long keep = -(borrow & (t[k] ^ 1));
        for (int j = 0; j < k; j++) {
            out[oo + j] = (t[j] & keep) | (out[oo + j] & ~keep);
        }
    }

    /** out = a + (b & mask) mod q, mask 0 or -1 (b counts only when mask is -1); out may alias a or b. */
    void addMasked(long[] a, int ao, long[] b, int bo, long mask, long[] out, int oo) {
        int k = n;
        long c = 0;
        for (int j = 0; j < k; j++) {
            long bj = b[bo + j] & mask;
            long x = a[ao + j] + bj;
            long c1 = carry(a[ao + j], bj, x);
            long x2 = x + c;
            c = c1 | carry(x, c, x2);
            out[oo + j] = x2;
        }
        long borrow = 0;
        for (int j = 0; j < k; j++) {
            long d = out[oo + j] - q[j] - borrow;
            borrow = borrowOut(out[oo + j], q[j], d);
        }
        // Subtract q when the sum overflowed the limbs or is at least q.
        long sub = -(c | (borrow ^ 1));
        borrow = 0;
        for (int j = 0; j < k; j++) {
            long x = out[oo + j];
            long y = q[j] & sub;
            long d = x - y - borrow;
            borrow = borrowOut(x, y, d);
            out[oo + j] = d;
        }
    }

    /** out = a + b mod q; may alias. */
    void add(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        addMasked(a, ao, b, bo, -1L, out, oo);
    }

    /** out = a - b mod q; may alias. */
    void sub(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long x = a[ao + j];
            long y = b[bo + j];
            long d = x - y - borrow;
            borrow = borrowOut(x, y, d);
            out[oo + j] = d;
        }
        long mask = -borrow;
        long c = 0;
        for (int j = 0; j < n; j++) {
            long y = q[j] & mask;
            long x = out[oo + j] + y;
            long c1 = carry(out[oo + j], y, x);
            long x2 = x + c;
            c = c1 | carry(x, c, x2);
            out[oo + j] = x2;
        }
    }

    /** out = -a mod q. */
    void negate(long[] a, int ao, long[] out, int oo) {
        sub(new long[n], 0, a, ao, out, oo);
    }

    /**
     * The Montgomery form of {@code wideBytes()} uniform bytes (little-endian) read as an integer mod q:
     * {@code lo·R^2·R^-1 + hi·R^3·R^-1} for the low n limbs and the rest. Two products, no final one.
     */
    void reduceWide(byte[] in, int off, long[] out, int oo, long[] t) {
        long[] lo = new long[n];
        long[] hi = new long[n];
        int bytes = wideBytes();
        for (int i = 0; i < bytes; i++) {
            int limb = i >>> 3;
            long v = (in[off + i] & 0xffL) << (8 * (i & 7));
            if (limb < n) {
                lo[limb] |= v;
            } else {
                hi[limb - n] |= v;
            }
        }
        mul(lo, 0, r2, 0, out, oo, t);
        mul(hi, 0, r3, 0, hi, 0, t);
        add(out, oo, hi, 0, out, oo);
        Arrays.fill(lo, 0);
        Arrays.fill(hi, 0);
    }

    /** The Montgomery form of a scalar. */
    void load(Scalar s, long[] out, int oo, long[] t) {
        byte[] be = s.encode();
        long[] v = new long[n];
        for (int i = 0; i < be.length; i++) {
            int bit = 8 * (be.length - 1 - i);
            v[bit >>> 6] |= (be[i] & 0xffL) << (bit & 63);
        }
        Arrays.fill(be, (byte) 0);
        mul(v, 0, r2, 0, out, oo, t);
        Arrays.fill(v, 0);
    }

    /** The scalar of a Montgomery form. */
    Scalar scalar(long[] a, int ao, long[] t) {
        byte[] be = canonical(a, ao, t);
        try {
            return g.field().decode(be);
        } finally {
            Arrays.fill(be, (byte) 0);
        }
    }

    /** The scalar's canonical big-endian encoding, from its Montgomery form. */
    byte[] canonical(long[] a, int ao, long[] t) {
        long[] v = new long[n];
        mul(a, ao, plainOne, 0, v, 0, t);
        byte[] be = new byte[byteLength];
        for (int i = 0; i < byteLength; i++) {
            int bit = 8 * (byteLength - 1 - i);
            be[i] = (byte) (v[bit >>> 6] >>> (bit & 63));
        }
        Arrays.fill(v, 0);
        return be;
    }

    /** Appends the n limbs of a Montgomery form, little-endian, to a hash input (the form is unique per value). */
    void write(long[] a, int ao, byte[] out, int off) {
        for (int j = 0; j < n; j++) {
            long v = a[ao + j];
            for (int b = 0; b < 8; b++) {
                out[off + 8 * j + b] = (byte) (v >>> (8 * b));
            }
        }
    }

    private static long mulHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The carry out of s = a + b, as 0 or 1. */
    private static long carry(long a, long b, long s) {
        return ((a & b) | ((a | b) & ~s)) >>> 63;
    }

    /** The borrow out of d = x - y - borrowIn, as 0 or 1. */
    private static long borrowOut(long x, long y, long d) {
        return ((~x & y) | ((~x | y) & d)) >>> 63;
    }

    private static long[] limbs(BigInteger v, int n) {
        long[] out = new long[n];
        for (int j = 0; j < n; j++) {
            out[j] = v.shiftRight(64 * j).longValue();
        }
        return out;
    }
}
