package io.keyshard.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyshard.curve.Curve;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The constant-time evaluation of a secret polynomial gives the shares its public commitments
 * promise (checked through the BigInteger multi-scalar path), on every curve.
 */
class PolynomialTest {
    @ParameterizedTest
    @EnumSource(CurveName.class)
    void everyShareMatchesTheCommitmentsAndDestroyEndsThePolynomial(CurveName name) {
        Curve curve = name.curve();
        Polynomial f = Polynomial.random(curve, 3, new SecureRandom());
        Point[] c = f.commitments();
        assertEquals(curve.multiplyBase(f.constant()), c[0]);
        for (int x : new int[] {1, 2, 3, 17, Session.MAX_PARTICIPANTS, Integer.MAX_VALUE}) {
            Scalar share = f.evaluate(x);
            assertEquals(Polynomial.evaluateInExponent(curve, c, x), curve.multiplyBase(share), "f(" + x + ")·G");
            share.destroy();
        }
        Scalar a0 = f.constant();
        f.destroy();
        assertThrows(IllegalStateException.class, () -> f.evaluate(1));
        assertThrows(IllegalStateException.class, a0::encode, "the coefficients are wiped, not only dropped");
    }
}
