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

    private static void put(AffineField f, ECPoint p, int[] x, int[] y) {
        System.arraycopy(f.fromBigInteger(p.getAffineXCoord().toBigInteger()), 0, x, 0, x.length);
        System.arraycopy(f.fromBigInteger(p.getAffineYCoord().toBigInteger()), 0, y, 0, y.length);
    }

    @ParameterizedTest
    @EnumSource(
            value = CurveName.class,
            names = {"SECP256K1", "P256", "P384", "P521"})
    void stepsOfAffineAdditionsGiveTheSums(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        int n = 17;
        ECPoint[] expected = new ECPoint[n];
        AffineField f = AffineField.of(name);
        AffineBatch batch = new AffineBatch(f, n);
        for (int j = 0; j < n; j++) {
            expected[j] = randomPoint(c);
            put(f, expected[j], batch.x(j), batch.y(j));
        }
        for (int step = 0; step < 3; step++) {
            for (int j = 0; j < n; j++) {
                ECPoint q = randomPoint(c);
                put(f, q, batch.addendX(j), batch.addendY(j));
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
            names = {"SECP256K1", "P256", "P384", "P521"})
    void aStepWithADoublingOrANegationIsRefusedAndChangesNothing(CurveName name) {
        WeierstrassCurve c = (WeierstrassCurve) name.curve();
        for (boolean negate : new boolean[] {false, true}) {
            ECPoint p = randomPoint(c);
            ECPoint other = randomPoint(c);
            AffineField f = AffineField.of(name);
            AffineBatch batch = new AffineBatch(f, 2);
            put(f, other, batch.x(0), batch.y(0));
            put(f, p, batch.x(1), batch.y(1));
            put(f, randomPoint(c), batch.addendX(0), batch.addendY(0));
            put(f, negate ? p.negate().normalize() : p, batch.addendX(1), batch.addendY(1));
            assertFalse(batch.addAll());
            Point[] got = batch.points(c);
            assertEquals(new WeierstrassPoint(c, other), got[0]);
            assertEquals(new WeierstrassPoint(c, p), got[1]);
        }
    }
}
