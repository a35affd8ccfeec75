package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A server's secret polynomial {@code f(x) = a_0 + a_1·x + … + a_(t-1)·x^(t-1)} over the group
 * order, in the curve's constant-time {@link ScalarField}: every coefficient is used to compute one
 * share per server, so no step may take a time that depends on its value. {@link #destroy()} zeroes
 * the coefficients.
 */
final class Polynomial {
    private final Curve curve;
    private Scalar[] coefficients;

    private Polynomial(Curve curve, Scalar[] coefficients) {
        this.curve = curve;
        this.coefficients = coefficients;
    }

    /** Degree t-1 with every coefficient uniform in [1, n-1], so no commitment is the identity. */
    static Polynomial random(Curve curve, int threshold, SecureRandom random) {
        Scalar[] a = new Scalar[threshold];
        for (int k = 0; k < threshold; k++) {
            a[k] = curve.scalars().random(random);
        }
        return new Polynomial(curve, a);
    }

    /** {@code a_0}, this server's contribution to the group secret; owned by the polynomial (do not destroy). */
    Scalar constant() {
        return live()[0];
    }

    /** {@code f(x) mod n} by Horner's rule; x is a public server id. The caller destroys the result. */
    Scalar evaluate(int x) {
        Scalar[] a = live();
        Scalar bx = curve.scalars().of(x);
        Scalar acc = a[a.length - 1].add(curve.scalars().zero());
        for (int k = a.length - 2; k >= 0; k--) {
            Scalar product = acc.multiply(bx);
            acc.destroy();
            acc = product.add(a[k]);
            product.destroy();
        }
        return acc;
    }

    /** The Feldman commitments {@code a_k·G}, computed with the constant-time base multiplication. */
    Point[] commitments() {
        Scalar[] a = live();
        Point[] c = new Point[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = curve.multiplyBase(a[k]);
        }
        return c;
    }

    /** {@code Σ_k C_k·x^k}: the public image {@code f(x)·G} of a committed polynomial. */
    static Point evaluateInExponent(Curve curve, Point[] commitments, int x) {
        BigInteger[] powers = new BigInteger[commitments.length];
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger p = BigInteger.ONE;
        for (int k = 0; k < powers.length; k++) {
            powers[k] = p;
            p = p.multiply(bx).mod(curve.order());
        }
        return curve.multiSum(powers, commitments);
    }

    void destroy() {
        if (coefficients != null) {
            for (Scalar a : coefficients) {
                a.destroy();
            }
            coefficients = null;
        }
    }

    private Scalar[] live() {
        if (coefficients == null) {
            throw new IllegalStateException("the polynomial was destroyed");
        }
        return coefficients;
    }
}
