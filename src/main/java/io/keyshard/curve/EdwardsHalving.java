package io.keyshard.curve;

import java.math.BigInteger;

/**
 * The exact prime-order subgroup test of an Edwards point by point halving (T. Pornin, "Point-Halving and
 * Subgroup Membership in Twisted Edwards Curves", IACR ePrint 2022/1164): square roots and quadratic-residue
 * tests on the y-coordinate instead of a multiplication by the group order. Public points only: variable time.
 *
 * <p>Why it is exact. The group of rational points is Z/2^k × Z/ℓ with a cyclic 2-part (edwards25519 k = 3,
 * edwards448 k = 2), so the order-ℓ subgroup is 2^k·E: a point is in it iff it can be halved k times in turn.
 * The only rational 2-torsion point T = (0, −1) lies in 2^(k−1)·E, so either half of a point serves for the
 * next halving. The caller refuses the points of order dividing 2^k first; none of the expressions below
 * vanishes for any other point.
 *
 * <p>Halving on y alone (the paper halves on an isogenous Weierstrass curve; this is the same test written in
 * the Edwards y-coordinate). If 2·(x₁, y₁) = (x, y), the doubling formula with x₁² = (1 − s)/(a − d·s) gives for
 * s = y₁² the quadratic d(y+1)·s² − 2(d·y + a)·s + a(y+1) = 0, whose reduced discriminant is
 * Δ(y) = (a − d)(a − d·y²). Its roots multiply to a/d, a non-square, so when Δ(y) is a square exactly one root
 * is a square, that root is y₁², and x₁ is rational too (2·(x₁, y₁) = (±x, y) with x ≠ 0 forces it). Hence
 * (x, y) ∈ 2·E iff Δ(y) is a square: the paper's criterion, that u = (a − d)(1 + y)/(1 − y) on its Weierstrass
 * model is a square, since (a − d)(1 − y²) = x²·Δ(y). With r = √Δ(y), the roots are
 * s = (d·y + a ± r) / (d(y + 1)), and a − d·s = ((a − d)·y ∓ r) / (y + 1).
 *
 * <p>The last halving is only tested, not computed (as in the paper): for the two roots s, s',
 * Δ(s)·Δ(s') = a(a − d)³·(y − 1)/(y + 1), whose quadratic character is that of −a once Δ(y) is a square. On
 * edwards25519 (−a = 1) either root answers; on edwards448 (−a = −1, a non-square as p ≡ 3 mod 4) the root
 * that is a square answers, which is the character of s·Δ(s). So the test costs a square root of Δ at each
 * level but the last, a square root for each computed half (a second try when the first root is the wrong
 * one) and one character: four field exponentiations on edwards25519 (five about half the time), two on
 * edwards448.
 */
final class EdwardsHalving {
    private final EdwardsField f;
    private final int halvings;
    private final boolean minusAIsSquare;
    private final int[] a;
    private final int[] d;
    private final int[] aMinusD;
    private final int[] one;

    /** {@code halvings} = k, the cofactor being 2^k. */
    EdwardsHalving(EdwardsField f, boolean aIsMinusOne, BigInteger d, int halvings) {
        if (halvings < 2) {
            // The loop below halves k − 2 times and tests the last level without a half.
            throw new IllegalArgumentException("point halving needs a cofactor of at least 4");
        }
        this.f = f;
        this.halvings = halvings;
        BigInteger p = f.prime();
        BigInteger aValue = aIsMinusOne ? p.subtract(BigInteger.ONE) : BigInteger.ONE;
        // Euler's criterion, once: is −a a square mod p.
        this.minusAIsSquare = p.subtract(aValue).modPow(p.shiftRight(1), p).equals(BigInteger.ONE);
        this.a = f.constant(aValue);
        this.d = f.constant(d.mod(p));
        this.aMinusD = f.constant(aValue.subtract(d).mod(p));
        this.one = f.create();
        f.one(one);
    }

    /** Whether the affine y of a point of order not dividing 2^k makes the point a multiple of 2^k. */
    boolean inPrimeOrderSubgroup(int[] affineY) {
        int[] y = f.create(), r = f.create(), n = f.create(), m = f.create(), t = f.create();
        f.copy(affineY, y);
        for (int level = 0; ; level++) {
            // Δ(y) = (a − d)(a − d·y²); the point at this level is a double iff it is a square.
            f.sqr(y, t);
            f.mul(t, d, t);
            f.sub(a, t, t);
            f.mul(t, aMinusD, t);
            if (!f.sqrtRatio(t, one, r)) {
                return false;
            }
            if (level == halvings - 2) {
                return lastHalvingExists(y, r);
            }
            // Halve: y₁ = √s for the root s = (d·y + a ± r) / (d(y + 1)) that is a square.
            f.mul(y, d, n);
            f.add(n, a, n);
            f.add(y, one, m);
            f.mul(m, d, m);
            f.add(n, r, t);
            if (!f.sqrtRatio(t, m, y)) {
                f.sub(n, r, t);
                if (!f.sqrtRatio(t, m, y)) {
                    // Exactly one root is a square once Δ is a square (see the class comment).
                    throw new IllegalStateException("point halving found no rational half");
                }
            }
        }
    }

    /**
     * The character of Δ at the half of (·, y) without computing that half: χ((a − d)((a − d)·y − r)(y + 1))
     * for either root when −a is a square, else χ(s·Δ(s)) = χ(d(a − d)((a − d)·y − r)(d·y + a + r)).
     */
    private boolean lastHalvingExists(int[] y, int[] r) {
        int[] c = f.create(), t = f.create();
        f.mul(y, aMinusD, c);
        f.sub(c, r, c);
        f.mul(c, aMinusD, c);
        if (minusAIsSquare) {
            f.add(y, one, t);
        } else {
            f.mul(y, d, t);
            f.add(t, a, t);
            f.add(t, r, t);
            f.mul(t, d, t);
        }
        f.mul(c, t, c);
        return isNonZeroSquare(c);
    }

    private boolean isNonZeroSquare(int[] x) {
        int[] z = f.create(), root = f.create();
        f.copy(x, z);
        f.normalize(z);
        return !f.isZero(z) && f.sqrtRatio(x, one, root);
    }
}
