package io.keyshard.dkls;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Arithmetic mod the group order q in Montgomery form (R = 2^(64·n)), for the long vectors of the random
 * VOLE and the correlated OT. Elements are stored as n 64-bit limbs at offsets of flat {@code long[]}
 * arrays and every operation writes into a given slot with a caller's scratch, so the hundreds of
 * thousands of products of a signature allocate nothing. Products run on 2n limbs of 32 bits held in
 * longs: a 32×32-bit product plus two 32-bit addends fits an unsigned long, so the Montgomery product
 * needs only plain multiplications, masks and shifts, which C1 (the nodes' compiler) emits as single
 * instructions where a 64×64→128-bit high half would be a call. No branch and no memory access
 * depends on a value: carries and the final corrections are masks.
 */
final class ModQ {
    private static final Map<CurveName, ModQ> CACHE = new EnumMap<>(CurveName.class);
    private static final long LOW = 0xffffffffL;

    /** 64-bit limbs per element. */
    final int n;

    private final Group g;
    /** 32-bit limbs of a product: 2n, so R is the same as on 64-bit limbs. */
    private final int m;

    private final long[] q;
    private final long[] q32;
    private final long q0inv;
    private final long[] r2;
    private final long[] r3;
    private final long[] zero;
    private final int byteLength;
    /** Scratch offset of a difference's 32-bit limbs (m) after the product's (2m+1). */
    private final int halves;
    /** Scratch offset of a packed element (n) after those. */
    private final int packed;

    private ModQ(Group g) {
        this.g = g;
        BigInteger order = g.order();
        this.n = (order.bitLength() + 63) / 64;
        this.m = 2 * n;
        this.q = limbs(order, n, 64);
        this.q32 = limbs(order, m, 32);
        this.q0inv = order.negate().modInverse(BigInteger.ONE.shiftLeft(32)).longValue();
        BigInteger r = BigInteger.ONE.shiftLeft(64 * n).mod(order);
        this.r2 = limbs(r.multiply(r).mod(order), n, 64);
        this.r3 = limbs(r.multiply(r).multiply(r).mod(order), n, 64);
        this.zero = new long[n];
        this.byteLength = g.field().byteLength();
        this.halves = 2 * m + 1;
        this.packed = 3 * m + 1;
        if (8 * wideBytes() > 64 * n + order.bitLength() - 1) {
            throw new IllegalStateException("a wide input must stay below q·R for one Montgomery reduction");
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

    /** Scratch for {@link #mul} and the conversions. */
    long[] scratch() {
        return new long[packed + n];
    }

    /** Bytes of a uniform input to {@link #reduceWide}: the order's length and 128 bits more. */
    int wideBytes() {
        return Oracle.wideLength(g.field());
    }

    /**
     * out = a·b·R^-1 mod q (Montgomery product, CIOS with the two inner loops fused), for a < R and
     * b < q; out may alias a or b (out is written last).
     */
    void mul(long[] a, int ao, long[] b, int bo, long[] out, int oo, long[] s) {
        if (m == 8) {
            Montgomery256.mul(q32, q0inv, a, ao, b, bo, out, oo);
            return;
        }
        int k = m;
        long[] p = q32;
        long qi = q0inv;
        Arrays.fill(s, 0, k + 1, 0);
        for (int i = 0; i < k; i++) {
            long bi = (b[bo + (i >>> 1)] >>> ((i & 1) << 5)) & LOW;
            // Each sum is at most (2^32-1)^2 + 2·(2^32-1) = 2^64-1: no carry leaves the long. a's limbs
            // are read two at a time from its 64-bit words.
            long v = a[ao];
            long x = s[0] + (v & LOW) * bi;
            long u = (x * qi) & LOW;
            long y = (x & LOW) + u * p[0];
            long c1 = x >>> 32;
            long c2 = y >>> 32;
            x = s[1] + (v >>> 32) * bi + c1;
            c1 = x >>> 32;
            y = (x & LOW) + u * p[1] + c2;
            c2 = y >>> 32;
            s[0] = y & LOW;
            for (int j = 2; j < k; j += 2) {
                v = a[ao + (j >>> 1)];
                x = s[j] + (v & LOW) * bi + c1;
                c1 = x >>> 32;
                y = (x & LOW) + u * p[j] + c2;
                c2 = y >>> 32;
                s[j - 1] = y & LOW;
                x = s[j + 1] + (v >>> 32) * bi + c1;
                c1 = x >>> 32;
                y = (x & LOW) + u * p[j + 1] + c2;
                c2 = y >>> 32;
                s[j] = y & LOW;
            }
            x = s[k] + c1 + c2;
            s[k - 1] = x & LOW;
            s[k] = x >>> 32;
        }
        reduceOnce(s, 0, out, oo);
    }

    /** out = v·R^-1 mod q for the value v < q·R on the 2m 32-bit limbs at s[0..2m), s[2m] zero. */
    private void reduce(long[] s, long[] out, int oo) {
        if (m == 8) {
            Montgomery256.reduce(q32, q0inv, s, out, oo);
        } else {
            redc(s);
            reduceOnce(s, m, out, oo);
        }
    }

    /**
     * Montgomery reduction in place of the 2m 32-bit limbs at s[0..2m) (s[2m] zero on entry), a value
     * below q·R: leaves value·R^-1 mod q, below 2q, in s[m..2m].
     */
    private void redc(long[] s) {
        int k = m;
        long[] p = q32;
        long qi = q0inv;
        long top = 0;
        for (int i = 0; i < k; i++) {
            long u = (s[i] * qi) & LOW;
            long c = 0;
            for (int j = 0; j < k; j++) {
                long x = s[i + j] + u * p[j] + c;
                s[i + j] = x & LOW;
                c = x >>> 32;
            }
            long x = s[i + k] + c + top;
            s[i + k] = x & LOW;
            top = x >>> 32;
        }
        s[2 * k] = top;
    }

    /**
     * Packs the m+1 32-bit limbs at s[t..] (a value below 2q) into out as n 64-bit limbs, less q
     * unless that borrows: the difference goes through the scratch's halves and a mask picks.
     */
    private void reduceOnce(long[] s, int t, long[] out, int oo) {
        int k = m;
        int d = halves;
        long[] p = q32;
        long borrow = 0;
        for (int j = 0; j < k; j++) {
            long x = s[t + j] - p[j] - borrow;
            borrow = x >>> 63;
            s[d + j] = x & LOW;
        }
        // Subtract q when the top limb carries or the subtraction did not borrow.
        long sub = -(s[t + k] | (borrow ^ 1));
        for (int j = 0; j < n; j++) {
            long lo = (s[d + 2 * j] & sub) | (s[t + 2 * j] & ~sub);
            long hi = (s[d + 2 * j + 1] & sub) | (s[t + 2 * j + 1] & ~sub);
            out[oo + j] = lo | (hi << 32);
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
        sub(zero, 0, a, ao, out, oo);
    }

    /**
     * The Montgomery form of {@code wideBytes()} uniform bytes (little-endian) read as an integer v mod q:
     * a Montgomery reduction gives v·R^-1 (v is below q·R), and a product with R^3 gives v·R.
     */
    void reduceWide(byte[] in, int off, long[] out, int oo, long[] s) {
        wideLimbs(in, off, s);
        reduce(s, s, packed);
        mul(s, packed, r3, 0, out, oo, s);
        Arrays.fill(s, packed, packed + n, 0);
    }

    /**
     * The Montgomery form of the scalar v·R^-2 mod q for {@code wideBytes()} uniform bytes read as the
     * little-endian integer v: that form, v·R^-1, is the one Montgomery reduction of v (below q·R), with
     * no product after it. The correlated OT's row hash maps its output to Z_q by this: multiplying by
     * the fixed unit R^-2 permutes Z_q, so v·R^-2 is exactly as close to uniform as v mod q (statistical
     * distance below 2^-128) and serves the same random oracle into Z_q.
     */
    void reduceWideScaled(byte[] in, int off, long[] out, int oo, long[] s) {
        wideLimbs(in, off, s);
        reduce(s, out, oo);
    }

    /** The wide little-endian input as 2m 32-bit limbs at s[0..2m), s[2m] zero, for {@link #reduce}. */
    private void wideLimbs(byte[] in, int off, long[] s) {
        int bytes = wideBytes();
        int words = bytes >>> 2;
        for (int j = 0; j < words; j++) {
            s[j] = Words.le32(in, off + 4 * j);
        }
        for (int j = words; j <= 2 * m; j++) {
            s[j] = 0;
        }
        for (int i = 4 * words; i < bytes; i++) {
            s[i >>> 2] |= (in[off + i] & 0xffL) << (8 * (i & 3));
        }
    }

    /** The Montgomery form of a scalar. */
    void load(Scalar s, long[] out, int oo, long[] t) {
        byte[] be = s.encode();
        limbsOf(be, 0, t, packed);
        Arrays.fill(be, (byte) 0);
        mul(t, packed, r2, 0, out, oo, t);
        Arrays.fill(t, packed, packed + n, 0);
    }

    /**
     * The Montgomery form of the public big-endian encoding at {@code in[off..off + byteLength)}, read
     * straight from a message (the correction τ) with no scalar object in between, and whether that
     * encoding is canonical (below q). A value of q or more still loads as its residue: the caller refuses it.
     */
    boolean loadPublic(byte[] in, int off, long[] out, int oo, long[] t) {
        limbsOf(in, off, t, packed);
        long below = belowQ(t, packed);
        mul(t, packed, r2, 0, out, oo, t);
        return below == 1;
    }

    /** Whether the big-endian encoding at {@code in[off..off + byteLength)} is below q (the codec's rule). */
    boolean belowQ(byte[] in, int off, long[] t) {
        limbsOf(in, off, t, packed);
        return belowQ(t, packed) == 1;
    }

    /** 1 when the n limbs at t[at..] are below q, else 0: the borrow of their difference with q, without a branch. */
    private long belowQ(long[] t, int at) {
        long borrow = 0;
        for (int j = 0; j < n; j++) {
            long x = t[at + j];
            borrow = borrowOut(x, q[j], x - q[j] - borrow);
        }
        return borrow;
    }

    /** The n 64-bit limbs of the big-endian encoding at {@code in[off..off + byteLength)}, into t[at..at + n). */
    private void limbsOf(byte[] in, int off, long[] t, int at) {
        for (int j = 0; j < n; j++) {
            t[at + j] = 0;
        }
        int end = off + byteLength;
        int j = 0;
        int i = end;
        // Whole 64-bit words from the least significant end, then the odd leading bytes (P-521's two).
        for (; i - 8 >= off; i -= 8, j++) {
            t[at + j] = Words.be(in, i - 8);
        }
        for (int b = 0; i > off; i--, b += 8) {
            t[at + j] |= (in[i - 1] & 0xffL) << b;
        }
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

    /** The scalar's canonical big-endian encoding, from its Montgomery form (one reduction). */
    byte[] canonical(long[] a, int ao, long[] t) {
        byte[] be = new byte[byteLength];
        canonical(a, ao, be, 0, t);
        return be;
    }

    /** {@link #canonical(long[], int, long[])} written at {@code out[off..off + byteLength)}. */
    void canonical(long[] a, int ao, byte[] out, int off, long[] t) {
        for (int j = 0; j < n; j++) {
            long v = a[ao + j];
            t[2 * j] = v & LOW;
            t[2 * j + 1] = v >>> 32;
        }
        for (int j = m; j <= 2 * m; j++) {
            t[j] = 0;
        }
        reduce(t, t, packed);
        int end = off + byteLength;
        int j = 0;
        int i = end;
        for (; i - 8 >= off; i -= 8, j++) {
            Words.putBe(t[packed + j], out, i - 8);
        }
        for (int b = 0; i > off; i--, b += 8) {
            out[i - 1] = (byte) (t[packed + j] >>> b);
        }
        Arrays.fill(t, packed, packed + n, 0);
    }

    /** Appends the n limbs of a Montgomery form, little-endian, to a hash input (the form is unique per value). */
    void write(long[] a, int ao, byte[] out, int off) {
        Words.putLe(a, ao, n, out, off);
    }

    /** The carry out of s = a + b, as 0 or 1. */
    private static long carry(long a, long b, long s) {
        return ((a & b) | ((a | b) & ~s)) >>> 63;
    }

    /** The borrow out of d = x - y - borrowIn, as 0 or 1. */
    private static long borrowOut(long x, long y, long d) {
        return ((~x & y) | ((~x | y) & d)) >>> 63;
    }

    private static long[] limbs(BigInteger v, int count, int bits) {
        long[] out = new long[count];
        for (int j = 0; j < count; j++) {
            out[j] = v.shiftRight(bits * j).longValue() & (-1L >>> (64 - bits));
        }
        return out;
    }
}
