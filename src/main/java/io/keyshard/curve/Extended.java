package io.keyshard.curve;

/**
 * Extended twisted-Edwards coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, T = XY/Z.
 * In a "cached" point (an addend prepared by {@link EdwardsGroup#cached}) {@code t} holds d·T
 * instead. Mutable scratch for the arithmetic; a {@link EdwardsPoint} never changes its own.
 */
final class Extended {
    final int[] x;
    final int[] y;
    final int[] z;
    final int[] t;

    Extended(EdwardsField f) {
        this(f.create(), f.create(), f.create(), f.create());
    }

    Extended(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    Extended copy(EdwardsField f) {
        Extended c = new Extended(f);
        c.set(f, this);
        return c;
    }

    void set(EdwardsField f, Extended o) {
        f.copy(o.x, x);
        f.copy(o.y, y);
        f.copy(o.z, z);
        f.copy(o.t, t);
    }
}
