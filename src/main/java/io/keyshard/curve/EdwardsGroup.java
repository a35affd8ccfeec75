package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Point formulas of an Edwards curve a·x² + y² = 1 + d·x²·y² (a = -1 for edwards25519, a = 1 for
 * edwards448) in extended coordinates, over an {@link EdwardsField}. The unified formulas of
 * Hisil, Wong, Carter and Dawson (2008) are complete on both curves (a square, d not a square):
 * no input, the identity and doubling included, needs a special case, so nothing branches on data.
 */
final class EdwardsGroup {
    final EdwardsField f;
    private final boolean aIsMinusOne;
    private final int[] d;
    private final int encodedLength;
    // Per-thread temporaries of add/dbl: a multiplication allocates nothing per step.
    private final ThreadLocal<int[][]> scratch;

    EdwardsGroup(EdwardsField f, boolean aIsMinusOne, BigInteger d) {
        this.f = f;
        this.aIsMinusOne = aIsMinusOne;
        this.d = f.constant(d.mod(f.prime()));
        // RFC 8032: the y-coordinate plus one sign bit, in whole bytes.
        this.encodedLength = (f.prime().bitLength() + 1 + 7) / 8;
        this.scratch = ThreadLocal.withInitial(() -> {
            int[][] t = new int[9][];
            for (int i = 0; i < t.length; i++) {
                t[i] = f.create();
            }
            return t;
        });
    }

    int encodedLength() {
        return encodedLength;
    }

    ExtendedCoordinates identity() {
        ExtendedCoordinates r = new ExtendedCoordinates(f);
        f.one(r.y);
        f.one(r.z);
        return r;
    }

    /** The identity as an affine cached addend (x = 0, y = 1, d·x·y = 0). */
    void setAffineIdentity(ExtendedCoordinates c) {
        int[] zero = f.create();
        f.copy(zero, c.x);
        f.one(c.y);
        f.one(c.z);
        f.copy(zero, c.t);
    }

    /** r = p + q, q cached (q.t = d·T); {@code affine} says q.z = 1, saving a multiplication. r may be p. */
    void add(ExtendedCoordinates p, ExtendedCoordinates q, boolean affine, ExtendedCoordinates r) {
        int[][] t = scratch.get();
        int[] a = t[0], b = t[1], c = t[2], zz = t[3], e = t[4], s = t[5], ff = t[6], g = t[7], h = t[8];
        f.mul(p.x, q.x, a);
        f.mul(p.y, q.y, b);
        f.mul(p.t, q.t, c);
        if (affine) {
            f.copy(p.z, zz);
        } else {
            f.mul(p.z, q.z, zz);
        }
        f.add(p.x, p.y, e);
        f.add(q.x, q.y, s);
        f.mul(e, s, e);
        f.sub(e, a, e);
        f.sub(e, b, e);
        f.sub(zz, c, ff);
        f.add(zz, c, g);
        timesA(a, h);
        f.sub(b, h, h);
        finish(e, ff, g, h, r, true);
    }

    /** Zeroes this thread's temporaries, after a multiplication by a secret. */
    void wipeScratch() {
        for (int[] t : scratch.get()) {
            Arrays.fill(t, 0);
        }
    }

    /** r = 2p. r may be p. */
    void dbl(ExtendedCoordinates p, ExtendedCoordinates r) {
        dbl(p, r, true);
    }

    /** r = 2p; without T (withT false) r can only be doubled again, which never reads T: a multiplication saved. */
    void dbl(ExtendedCoordinates p, ExtendedCoordinates r, boolean withT) {
        int[][] t = scratch.get();
        int[] a = t[0], b = t[1], c = t[2], e = t[4], ff = t[6], g = t[7], h = t[8];
        f.sqr(p.x, a);
        f.sqr(p.y, b);
        f.sqr(p.z, c);
        f.add(c, c, c);
        f.add(p.x, p.y, e);
        f.sqr(e, e);
        f.sub(e, a, e);
        f.sub(e, b, e);
        timesA(a, a);
        f.add(a, b, g);
        f.sub(a, b, h);
        f.sub(g, c, ff);
        finish(e, ff, g, h, r, withT);
    }

    /** z = a·x, a being -1 or 1. */
    private void timesA(int[] x, int[] z) {
        if (aIsMinusOne) {
            f.negate(x, z);
        } else {
            f.copy(x, z);
        }
    }

    /** X = E·F, Y = G·H, T = E·H, Z = F·G. */
    private void finish(int[] e, int[] ff, int[] g, int[] h, ExtendedCoordinates r, boolean withT) {
        f.mul(e, ff, r.x);
        f.mul(g, h, r.y);
        if (withT) {
            f.mul(e, h, r.t);
        }
        f.mul(ff, g, r.z);
    }

    /** p prepared as an addend: (X, Y, Z, d·T). */
    ExtendedCoordinates cached(ExtendedCoordinates p) {
        ExtendedCoordinates c = p.copy(f);
        f.mul(p.t, d, c.t);
        return c;
    }

    /** p prepared as an affine addend: (x, y, 1, d·x·y); costs an inversion. */
    ExtendedCoordinates affineCached(ExtendedCoordinates p) {
        int[][] xy = affine(p);
        ExtendedCoordinates c = new ExtendedCoordinates(xy[0], xy[1], f.create(), f.create());
        f.one(c.z);
        f.mul(xy[0], xy[1], c.t);
        f.mul(c.t, d, c.t);
        return c;
    }

    /** -p, for an extended or a cached point alike (both x and the t slot change sign). */
    ExtendedCoordinates negate(ExtendedCoordinates p) {
        ExtendedCoordinates r = p.copy(f);
        f.negate(p.x, r.x);
        f.negate(p.t, r.t);
        return r;
    }

    /** Negates a cached point in place when bit is 1, without branching. */
    void cnegate(int bit, ExtendedCoordinates c) {
        f.cnegate(bit, c.x);
        f.cnegate(bit, c.t);
    }

    /** Normalized affine (x, y). */
    int[][] affine(ExtendedCoordinates p) {
        int[] zi = f.create(), x = f.create(), y = f.create();
        f.inv(p.z, zi);
        f.mul(p.x, zi, x);
        f.mul(p.y, zi, y);
        f.normalize(x);
        f.normalize(y);
        return new int[][] {x, y};
    }

    boolean isIdentity(ExtendedCoordinates p) {
        int[] x = f.create(), y = f.create(), z = f.create();
        f.copy(p.x, x);
        f.copy(p.y, y);
        f.copy(p.z, z);
        f.normalize(x);
        f.normalize(y);
        f.normalize(z);
        return f.isZero(x) && f.equal(y, z);
    }

    /** Same group element: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1. */
    boolean equal(ExtendedCoordinates p, ExtendedCoordinates q) {
        return crossEqual(p.x, q.z, q.x, p.z) && crossEqual(p.y, q.z, q.y, p.z);
    }

    private boolean crossEqual(int[] a, int[] b, int[] c, int[] e) {
        int[] l = f.create(), r = f.create();
        f.mul(a, b, l);
        f.mul(c, e, r);
        f.normalize(l);
        f.normalize(r);
        return f.equal(l, r);
    }

    /** RFC 8032 encoding: y little-endian, the low bit of x in the top bit of the last byte. */
    byte[] encode(ExtendedCoordinates p) {
        int[][] xy = affine(p);
        byte[] out = new byte[encodedLength];
        f.encode(xy[1], out, 0);
        out[encodedLength - 1] |= (byte) ((xy[0][0] & 1) << 7);
        return out;
    }

    /**
     * Decodes RFC 8032 5.1.3 / 5.2.3 strictly: length, unused bits, y below p, x exists, no
     * "negative zero", not the identity; Z = 1. The subgroup check is the caller's.
     */
    ExtendedCoordinates decode(byte[] enc, String who) {
        if (enc == null || enc.length != encodedLength) {
            throw new InvalidEncodingException(
                    who + ": encoding must be " + encodedLength + " bytes, got " + (enc == null ? "none" : enc.length));
        }
        int last = enc[encodedLength - 1] & 0xff;
        int sign = last >>> 7;
        if (encodedLength > f.elementBytes() && (last & 0x7f) != 0) {
            throw new InvalidEncodingException(who + ": the unused bits of the last byte must be zero");
        }
        if (y(enc).compareTo(f.prime()) >= 0) {
            throw new InvalidEncodingException(who + ": y is not below the field prime (non-canonical)");
        }
        ExtendedCoordinates p = new ExtendedCoordinates(f);
        f.decode(enc, 0, p.y);
        if (!xFor(p.y, p.x)) {
            throw new InvalidEncodingException(who + ": not on the curve (no x for this y)");
        }
        f.normalize(p.x);
        boolean xIsZero = f.isZero(p.x);
        if (xIsZero && sign == 1) {
            throw new InvalidEncodingException(who + ": x is zero but the sign bit is set (non-canonical)");
        }
        if ((p.x[0] & 1) != sign) {
            f.negate(p.x, p.x);
        }
        f.one(p.z);
        f.mul(p.x, p.y, p.t);
        if (xIsZero && isIdentity(p)) {
            throw new InvalidEncodingException(who + ": the identity is not allowed");
        }
        return p;
    }

    /**
     * True when some point has the y of {@code enc} (its low bits taken modulo p, the sign bit ignored), as
     * curve25519-dalek's decompression decides it: the rule by which Solana keeps program-derived addresses off
     * the curve. Public data only; not constant time.
     */
    boolean hasPointWithY(byte[] enc) {
        if (enc == null || enc.length != encodedLength) {
            return false;
        }
        return xFor(f.constant(y(enc).mod(f.prime())), f.create());
    }

    /** The y an encoding carries: its little-endian bytes with the sign bit cleared, not reduced. */
    private static BigInteger y(byte[] enc) {
        byte[] be = new byte[enc.length];
        for (int i = 0; i < enc.length; i++) {
            be[i] = enc[enc.length - 1 - i];
        }
        be[0] &= 0x7f;
        return new BigInteger(1, be);
    }

    /** x for {@code y} on a x^2 + y^2 = 1 + d x^2 y^2 (x^2 = (y^2 - 1) / (d y^2 - a)), or false when none. */
    private boolean xFor(int[] y, int[] x) {
        int[] u = f.create(), v = f.create(), one = f.create();
        f.one(one);
        f.sqr(y, u);
        f.mul(u, d, v);
        f.sub(u, one, u);
        int[] a = f.create();
        timesA(one, a);
        f.sub(v, a, v);
        return f.sqrtRatio(u, v, x);
    }
}
