package io.keyshard.curve;

import java.math.BigInteger;

/**
 * An element of a curve's prime-order group. Immutable; {@code equals} compares group elements,
 * whatever their internal coordinates.
 */
public interface Point {
    Curve curve();

    Point add(Point other);

    Point subtract(Point other);

    Point negate();

    /**
     * {@code k·this} in variable time: for public scalars only (derivation tweaks, verification).
     * Secret scalars go through {@link Curve#multiplyBase(BigInteger)}.
     */
    Point multiply(BigInteger k);

    boolean isIdentity();

    /** The canonical encoding: compressed SEC1 (Weierstrass) or RFC 8032 (Edwards). Refuses the identity. */
    byte[] encode();
}
