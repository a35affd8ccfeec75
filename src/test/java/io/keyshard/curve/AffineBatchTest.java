package io.keyshard.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AffineBatchTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ECPoint randomPoint(WeierstrassCurve c) {
        return c.own(c.generator().multiply(new BigInteger(256, RANDOM).add(BigInteger.TWO)))
                .bc()
                .normalize();
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void stepsOfAffineAdditionsGiveTheSums(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        int n = 17;
        ECPoint[] expected = new ECPoint[n];
        AffineBatch batch = new AffineBatch(c.bcCurve(), n);
        for (int j = 0; j < n; j++) {
            expected[j] = randomPoint(c);
            batch.set(j, expected[j]);
        }
        for (int step = 0; step < 3; step++) {
            for (int j = 0; j < n; j++) {
                ECPoint q = randomPoint(c);
                batch.addend(j, q);
                expected[j] = expected[j].add(q).normalize();
            }
            assertTrue(batch.addAll());
        }
        Point[] got = batch.points(c);
        for (int j = 0; j < n; j++) {
            assertEquals(new WeierstrassPoint(c, expected[j]), got[j], "sum " + j);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256"})
    void aStepWithADoublingOrANegationIsRefusedAndChangesNothing(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        for (boolean negate : new boolean[] {false, true}) {
            ECPoint p = randomPoint(c);
            ECPoint other = randomPoint(c);
            AffineBatch batch = new AffineBatch(c.bcCurve(), 2);
            batch.set(0, other);
            batch.set(1, p);
            batch.addend(0, randomPoint(c));
            batch.addend(1, negate ? p.negate() : p);
            assertFalse(batch.addAll());
            Point[] got = batch.points(c);
            assertEquals(new WeierstrassPoint(c, other), got[0]);
            assertEquals(new WeierstrassPoint(c, p), got[1]);
        }
    }
}
