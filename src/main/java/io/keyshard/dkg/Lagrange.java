package io.keyshard.dkg;

import java.math.BigInteger;
import java.util.Collection;

/** Lagrange coefficients over the group order, for interpolating shares or, in the exponent, public points. */
public final class Lagrange {
    private Lagrange() {}

    /**
     * The coefficient of the value at {@code i} when interpolating the polynomial through the points
     * {@code ids} at {@code x}: {@code Π_{j≠i} (x - j) / (i - j) mod n}.
     */
    public static BigInteger coefficient(BigInteger order, Collection<Integer> ids, int i, long x) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger bi = BigInteger.valueOf(i);
        for (int j : ids) {
            if (j == i) {
                continue;
            }
            BigInteger bj = BigInteger.valueOf(j);
            num = num.multiply(bx.subtract(bj)).mod(order);
            den = den.multiply(bi.subtract(bj)).mod(order);
        }
        return num.multiply(den.modInverse(order)).mod(order);
    }
}
