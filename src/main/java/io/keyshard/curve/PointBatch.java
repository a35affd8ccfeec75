package io.keyshard.curve;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Many Weierstrass points made affine together: one field inversion for the whole batch and three
 * multiplications per point (Montgomery's simultaneous inversion, through Bouncy Castle's
 * {@code ECCurve.normalizeAll}) instead of one inversion per point, for the base OTs' hundreds of
 * products and sums. The multiplications and the inversion (Bouncy Castle's safegcd) take the same time
 * for every value, so the batch may hold points that follow secrets.
 */
public final class PointBatch {
    private PointBatch() {}

    /** {@code a[i] + b[i]} for every i, affine; the sum of a point and its negation is the identity. */
    public static Point[] sums(Point[] a, Point[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " points to add to " + b.length);
        }
        if (a.length == 0) {
            return new Point[0];
        }
        WeierstrassCurve c = weierstrass(a[0]);
        ECPoint[] raw = new ECPoint[a.length];
        for (int i = 0; i < a.length; i++) {
            raw[i] = c.own(a[i]).bc().add(c.own(b[i]).bc());
        }
        return affine(c, raw);
    }

    /** The curve of a point, which must be a Weierstrass one. */
    static WeierstrassCurve weierstrass(Point p) {
        if (!(p.curve() instanceof WeierstrassCurve w)) {
            throw new IllegalArgumentException(
                    "batches are for the Weierstrass curves, not " + p.curve().name());
        }
        return w;
    }

    /** The points made affine in place with one inversion, then wrapped (the identity stays the identity). */
    static Point[] affine(WeierstrassCurve c, ECPoint[] raw) {
        c.bcCurve().normalizeAll(raw);
        Point[] out = new Point[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = new WeierstrassPoint(c, raw[i]);
        }
        return out;
    }
}
