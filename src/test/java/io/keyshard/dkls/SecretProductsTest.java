package io.keyshard.dkls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyshard.curve.CurveName;
import io.keyshard.curve.FixedBaseMultiplier;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The products of secret scalars the signing and the base OTs use agree with Bouncy Castle's, at the edges too. */
class SecretProductsTest {

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void sharedWindowAndTableAgreeWithTheVariableTimeMultiplication(CurveName name) {
        Group g = Group.of(name);
        TestRandom random = new TestRandom("mul " + name);
        Point p = g.base(g.randomNonZero(random));
        BigInteger q = g.order();
        FixedBaseMultiplier table = g.multiplier(p);
        for (BigInteger k : new BigInteger[] {
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            q.subtract(BigInteger.TWO),
            BigInteger.valueOf(255),
            q.subtract(BigInteger.ONE),
            q.shiftRight(1),
            g.random(random).toBigInteger(),
            g.random(random).toBigInteger()
        }) {
            Scalar s = g.of(k);
            Point expected = p.multiply(k);
            Point[] shared = g.timesSecretAll(s, List.of(p, g.curve().generator()));
            assertEquals(expected, shared[0], "shared window, k = " + k);
            assertEquals(g.base(s), shared[1], "shared window on G, k = " + k);
            assertEquals(expected, table.times(s), "table, k = " + k);
        }
    }
}
