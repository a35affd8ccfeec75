package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PointSelectTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Point randomPoint(Curve c) {
        return c.generator()
                .multiply(new BigInteger(c.order().bitLength() + 64, RANDOM)
                        .mod(c.order().subtract(BigInteger.ONE))
                        .add(BigInteger.ONE));
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void theChoiceIsTheBranchyOneAnAffinePointOfTheSameKind(CurveName name) {
        Curve c = name.curve();
        for (int round = 0; round < 8; round++) {
            Point x = randomPoint(c);
            // y = -x as well as a random point: the two share x, so only y's limbs tell them apart
            Point y = round == 0 ? x.negate() : randomPoint(c);
            for (int bit = 0; bit < 2; bit++) {
                Point branchy = bit == 1 ? y : x;
                Point picked = PointSelect.select(bit, x, y);
                assertEquals(branchy, picked, name + " select(" + bit + ")");
                assertArrayEquals(branchy.encode(), picked.encode());
                assertTrue(((WeierstrassPoint) picked).bc().isNormalized(), "affine, as every point here");
                // usable in arithmetic like any other point
                assertEquals(branchy.add(c.generator()), picked.add(c.generator()));
                Point[] swapped = PointSelect.swap(bit, x, y);
                assertEquals(bit == 1 ? y : x, swapped[0], name + " swap(" + bit + ")[0]");
                assertEquals(bit == 1 ? x : y, swapped[1], name + " swap(" + bit + ")[1]");
            }
            assertEquals(x, PointSelect.select(1, x, x), "a point chosen against itself");
            assertEquals(x, PointSelect.select(2, x, y), "only the low bit counts");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void theIdentityIsRefusedWhicheverSideAndBit(CurveName name) {
        Curve c = name.curve();
        Point x = randomPoint(c);
        for (int bit = 0; bit < 2; bit++) {
            int b = bit;
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PointSelect.select(b, c.identity(), x));
            assertTrue(e.getMessage().contains("infinity"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PointSelect.select(b, x, c.identity()));
            assertThrows(IllegalArgumentException.class, () -> PointSelect.swap(b, x, c.identity()));
        }
    }

    @Test
    void pointsOfAnotherCurveAreRefused() {
        Point k1 = randomPoint(CurveName.SECP256K1.curve());
        Point p256 = randomPoint(CurveName.P256.curve());
        Point ed = randomPoint(CurveName.ED25519.curve());
        assertThrows(IllegalArgumentException.class, () -> PointSelect.select(0, k1, p256));
        assertThrows(IllegalArgumentException.class, () -> PointSelect.select(1, ed, ed));
    }
}
