package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The limb arithmetic under the Edwards curves agrees with BigInteger arithmetic mod p, edge values included. */
class EdwardsFieldTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<EdwardsField> fields() {
        return Stream.of(Field25519.INSTANCE, Field448.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("fields")
    void operationsAgreeWithBigInteger(EdwardsField f) {
        BigInteger p = f.prime();
        List<BigInteger> values = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.TWO,
                p.subtract(BigInteger.ONE),
                p.subtract(BigInteger.TWO),
                p.shiftRight(1),
                BigInteger.ONE.shiftLeft(p.bitLength() - 2)));
        for (int i = 0; i < 40; i++) {
            values.add(new BigInteger(p.bitLength() + 8, RANDOM).mod(p));
        }
        for (BigInteger a : values) {
            for (BigInteger b : values.subList(0, 12)) {
                int[] x = f.constant(a);
                int[] y = f.constant(b);
                int[] z = f.create();
                f.add(x, y, z);
                check(f, a.add(b), z);
                f.sub(x, y, z);
                check(f, a.subtract(b), z);
                f.mul(x, y, z);
                check(f, a.multiply(b), z);
                f.negate(x, z);
                check(f, a.negate(), z);
                // Chains of differences, the limb ranges the point formulas produce, then a product.
                int[] d1 = f.create();
                int[] d2 = f.create();
                f.sub(x, y, d1);
                f.sub(y, x, d2);
                f.sub(d1, d2, z);
                f.add(z, d1, z);
                f.mul(z, d2, z);
                check(f, a.subtract(b).multiply(BigInteger.valueOf(3)).multiply(b.subtract(a)), z);
                f.sqr(d1, z);
                check(f, a.subtract(b).pow(2), z);
            }
            if (a.signum() != 0) {
                int[] z = f.create();
                f.inv(f.constant(a), z);
                check(f, a.modInverse(p), z);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fields")
    void sqrtRatioFindsRootsExactlyWhenTheyExist(EdwardsField f) {
        BigInteger p = f.prime();
        for (int i = 0; i < 60; i++) {
            BigInteger u = new BigInteger(p.bitLength() + 8, RANDOM).mod(p);
            BigInteger v = new BigInteger(p.bitLength() + 8, RANDOM).mod(p).max(BigInteger.ONE);
            BigInteger ratio = u.multiply(v.modInverse(p)).mod(p);
            boolean square =
                    ratio.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE);
            int[] z = f.create();
            assertEquals(square, f.sqrtRatio(f.constant(u), f.constant(v), z));
            if (square) {
                f.normalize(z);
                BigInteger root = value(f, z);
                assertEquals(ratio, root.multiply(root).mod(p));
            }
        }
    }

    private static void check(EdwardsField f, BigInteger expected, int[] z) {
        int[] n = f.create();
        f.copy(z, n);
        f.normalize(n);
        assertEquals(expected.mod(f.prime()), value(f, n));
    }

    private static BigInteger value(EdwardsField f, int[] normalized) {
        byte[] le = new byte[f.elementBytes()];
        f.encode(normalized, le, 0);
        return Rfc8032Test.littleEndian(le);
    }
}
