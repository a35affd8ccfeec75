package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.WeierstrassPoint;
import io.keyshard.frost.Scalar;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * {@code k·P} for secret k and any point P with Bouncy Castle's fixed-point comb, the regular
 * algorithm the curve package uses for {@code k·G}: the same sequence of group operations for
 * every k of the order's length. The comb table of P is built on first use and kept, so one
 * multiplier serves every base OT of a batch (h, z). Point.multiply, a wNAF whose running time
 * follows the scalar's digits, is kept for public scalars.
 */
final class SecretMultiplier {
    private final Group g;
    private final ECPoint p;
    private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();

    SecretMultiplier(Group g, ECCurve curve, Point point) {
        this.g = g;
        this.p = curve.decodePoint(((WeierstrassPoint) point).encodeUncompressed());
    }

    Point times(Scalar k) {
        ECPoint out = comb.multiply(p, k.toBigInteger()).normalize();
        return g.curve().decodePoint(out.getEncoded(false));
    }
}
