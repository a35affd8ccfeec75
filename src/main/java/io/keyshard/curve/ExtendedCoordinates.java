package io.keyshard.curve;

/**
 * Extended twisted-Edwards coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, T = XY/Z.
 * In a "cached" point (an addend prepared by {@link EdwardsGroup#cached}) {@code t} holds d·T
 * instead. Mutable scratch for the arithmetic; a {@link EdwardsPoint} never changes its own.
 */
final class ExtendedCoordinates {
    final int[] x;
    final int[] y;
    final int[] z;
    final int[] t;

    ExtendedCoordinates(EdwardsField f) {
        this(f.create(), f.create(), f.create(), f.create());
    }

    ExtendedCoordinates(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    ExtendedCoordinates copy(EdwardsField f) {
        ExtendedCoordinates c = new ExtendedCoordinates(f);
        c.set(f, this);
        return c;
    }

    void set(EdwardsField f, ExtendedCoordinates o) {
        f.copy(o.x, x);
        f.copy(o.y, y);
        f.copy(o.z, z);
        f.copy(o.t, t);
    }
}
