package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.curve.WeierstrassPoint;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@code k·P} for secret k and any point P by a regular algorithm: the same sequence of group
 * operations for every k of the order's length. A Montgomery ladder, which needs no
 * table: one addition and one doubling per bit of {@code k + q} or {@code k + 2q}, whichever has
 * one bit more than q, so the count does not follow the leading zeros of k. Point.multiply, a wNAF whose running time follows the scalar's digits, is
 * kept for public scalars; points used many times take a {@link io.keyshard.curve.FixedBaseMultiplier},
 * and one scalar times many points a {@link io.keyshard.curve.SharedScalarMultiplier}.
 */
final class SecretMultiplier {
    private final Group g;
    private final ECPoint p;
    private final BigInteger order;

    SecretMultiplier(Group g, ECCurve curve, Point point) {
        this.g = g;
        this.p = curve.decodePoint(((WeierstrassPoint) point).encodeUncompressed());
        this.order = g.order();
    }

    Point times(Scalar k) {
        BigInteger v = k.toBigInteger().add(order);
        if (v.bitLength() == order.bitLength()) {
            v = v.add(order);
        }
        ECPoint out = ladder(p, v).normalize();
        return g.curve().decodePoint(out.getEncoded(false));
    }

    /** k·P for k with its top bit set: R0 = j·P and R1 = (j + 1)·P for the prefix j of k read so far. */
    private static ECPoint ladder(ECPoint p, BigInteger k) {
        ECPoint[] r = {p, p.twice()};
        for (int i = k.bitLength() - 2; i >= 0; i--) {
            int b = k.testBit(i) ? 1 : 0;
            r[1 - b] = r[0].add(r[1]);
            r[b] = r[b].twice();
        }
        return r[0];
    }
}
