package io.keyshard.curve;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/** A point of edwards25519 or edwards448 in extended coordinates; immutable. */
final class EdwardsPoint implements Point {
    private final EdwardsCurve curve;
    private final ExtendedCoordinates p;
    private volatile byte[] affineBytes;

    EdwardsPoint(EdwardsCurve curve, ExtendedCoordinates p) {
        this.curve = curve;
        this.p = p;
    }

    /** A point decoded from {@code encoded}, its canonical encoding (strict decoding refuses any other). */
    EdwardsPoint(EdwardsCurve curve, ExtendedCoordinates p, byte[] encoded) {
        this(curve, p);
        this.affineBytes = encoded.clone();
    }

    /** The coordinates; callers must not modify them. */
    ExtendedCoordinates coordinates() {
        return p;
    }

    @Override
    public Curve curve() {
        return curve;
    }

    @Override
    public Point add(Point other) {
        EdwardsGroup g = curve.group();
        ExtendedCoordinates r = new ExtendedCoordinates(g.f);
        g.add(p, g.cached(curve.own(other, EdwardsPoint.class).p), false, r);
        return new EdwardsPoint(curve, r);
    }

    @Override
    public Point subtract(Point other) {
        return add(other.negate());
    }

    @Override
    public Point negate() {
        return new EdwardsPoint(curve, curve.group().negate(p));
    }

    @Override
    public Point multiply(BigInteger k) {
        return curve.multiSum(new BigInteger[] {k}, new Point[] {this});
    }

    @Override
    public boolean isIdentity() {
        return curve.group().isIdentity(p);
    }

    @Override
    public byte[] encode() {
        if (isIdentity()) {
            throw new IllegalStateException("the identity has no encoding");
        }
        return affine().clone();
    }

    // The RFC 8032 bytes of the affine point (the identity included), computed once.
    private byte[] affine() {
        byte[] a = affineBytes;
        if (a == null) {
            a = curve.group().encode(p);
            affineBytes = a;
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdwardsPoint e && e.curve == curve && curve.group().equal(p, e.p);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(affine());
    }

    @Override
    public String toString() {
        return curve.name() + (isIdentity() ? "(identity)" : "(" + Hex.encode(affine()) + ")");
    }
}
