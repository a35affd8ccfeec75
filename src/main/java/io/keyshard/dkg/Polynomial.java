package io.keyshard.dkg;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A server's secret polynomial {@code f(x) = a_0 + a_1·x + … + a_(t-1)·x^(t-1)} over the group
 * order. {@link #destroy()} drops the coefficients (BigInteger cannot be wiped in place; dropping
 * every reference is the most the JVM allows).
 */
final class Polynomial {
    private final Curve curve;
    private BigInteger[] coefficients;

    private Polynomial(Curve curve, BigInteger[] coefficients) {
        this.curve = curve;
        this.coefficients = coefficients;
    }

    /** Degree t-1 with every coefficient uniform in [1, n-1], so no commitment is the identity. */
    static Polynomial random(Curve curve, int threshold, SecureRandom random) {
        BigInteger[] a = new BigInteger[threshold];
        for (int k = 0; k < threshold; k++) {
            a[k] = curve.randomScalar(random);
        }
        return new Polynomial(curve, a);
    }

    BigInteger constant() {
        return live()[0];
    }

    /** {@code f(x) mod n} by Horner's rule. */
    BigInteger evaluate(int x) {
        BigInteger[] a = live();
        BigInteger n = curve.order();
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger acc = BigInteger.ZERO;
        for (int k = a.length - 1; k >= 0; k--) {
            acc = acc.multiply(bx).add(a[k]).mod(n);
        }
        return acc;
    }

    /** The Feldman commitments {@code a_k·G}, computed with the constant-time base multiplication. */
    Point[] commitments() {
        BigInteger[] a = live();
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
            Arrays.fill(coefficients, null);
            coefficients = null;
        }
    }

    private BigInteger[] live() {
        if (coefficients == null) {
            throw new IllegalStateException("the polynomial was destroyed");
        }
        return coefficients;
    }
}
