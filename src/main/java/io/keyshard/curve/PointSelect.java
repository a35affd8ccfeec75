package io.keyshard.curve;

import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A choice between two Weierstrass points by a secret bit, with no branch and no index on the bit:
 * the two points' affine coordinates go into one of Bouncy Castle's cache-safe lookup tables (fixed-width
 * int limbs), whose lookup reads both entries and keeps one by a mask computed from the bit arithmetically,
 * then builds the point from the kept limbs. Either bit reads, allocates and computes the same.
 */
public final class PointSelect {
    private PointSelect() {}

    /** {@code bit == 0 ? ifZero : ifOne} (the bit's low bit counts); neither may be the identity. */
    public static Point select(int bit, Point ifZero, Point ifOne) {
        return new Pair(ifZero, ifOne).pick(bit & 1);
    }

    /** {@code {select(bit, x, y), select(bit, y, x)}}: x and y in their order for 0, swapped for 1. */
    public static Point[] swap(int bit, Point x, Point y) {
        Pair pair = new Pair(x, y);
        int b = bit & 1;
        return new Point[] {pair.pick(b), pair.pick(b ^ 1)};
    }

    /** Two points of one curve in a two-entry masked table. */
    private static final class Pair {
        private final WeierstrassCurve curve;
        private final ECLookupTable table;

        Pair(Point a, Point b) {
            this.curve = PointBatch.weierstrass(a);
            if (a.isIdentity() || b.isIdentity()) {
                // the table holds affine coordinates, and the identity has none
                throw new IllegalArgumentException("the point at infinity cannot be selected");
            }
            ECPoint[] entries = {
                curve.own(a).bc().normalize(), curve.own(b).bc().normalize()
            };
            this.table = curve.bcCurve().createCacheSafeLookupTable(entries, 0, entries.length);
        }

        Point pick(int bit) {
            return new WeierstrassPoint(curve, table.lookup(bit));
        }
    }
}
