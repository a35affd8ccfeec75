package io.keyshard.curve;

import java.math.BigInteger;
import java.security.SecureRandom;

/** What every curve does the same way: its name, and scalars through a {@link ScalarCodec}. */
abstract class BaseCurve implements Curve {
    private final CurveName name;
    private final ScalarCodec scalars;

    BaseCurve(CurveName name, ScalarCodec scalars) {
        this.name = name;
        this.scalars = scalars;
    }

    @Override
    public final CurveName name() {
        return name;
    }

    @Override
    public final BigInteger order() {
        return scalars.order();
    }

    @Override
    public final int scalarLength() {
        return scalars.length();
    }

    @Override
    public final byte[] encodeScalar(BigInteger s) {
        return scalars.encode(s);
    }

    @Override
    public final BigInteger decodeScalar(byte[] encoded) {
        return scalars.decode(encoded);
    }

    @Override
    public final BigInteger decodeNonZeroScalar(byte[] encoded) {
        return scalars.decodeNonZero(encoded);
    }

    @Override
    public final ScalarField scalars() {
        return scalars.field();
    }

    @Override
    public final BigInteger hashToScalar(String tag, byte[]... parts) {
        Scalar s = hashToSecretScalar(tag, parts);
        try {
            return s.toBigInteger();
        } finally {
            s.destroy();
        }
    }

    @Override
    public final Scalar hashToSecretScalar(String tag, byte[]... parts) {
        // The curve name in the tag keeps hashes for different curves apart.
        return scalars.hash(name.apiName() + "/" + tag, parts);
    }

    @Override
    public final BigInteger randomScalar(SecureRandom random) {
        return scalars.random(random);
    }

    /** Checks that multiSum got as many scalars as points. */
    static void checkSameCount(BigInteger[] scalars, Point[] points) {
        if (scalars.length != points.length) {
            throw new IllegalArgumentException(
                    "multiSum: " + scalars.length + " scalars but " + points.length + " points");
        }
    }

    /** The scalar as one of this curve's, or a clear refusal of a scalar of another order. */
    final Scalar own(Scalar k) {
        if (k.field() != scalars.field()) {
            throw new IllegalArgumentException("scalar belongs to another group than " + name + "'s");
        }
        return k;
    }

    /** The point as this curve's own type, or a clear refusal of a point from another curve. */
    final <P extends Point> P own(Point p, Class<P> type) {
        if (p == null || p.curve() != this || !type.isInstance(p)) {
            throw new IllegalArgumentException(
                    "point belongs to " + (p == null ? "no curve" : p.curve().name()) + ", not " + name);
        }
        return type.cast(p);
    }

    @Override
    public String toString() {
        return name.apiName();
    }
}
