package io.keyshard.curve;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Many affine Weierstrass sums, each advanced by one affine addend at a time, all with one field inversion
 * per step (Montgomery's simultaneous inversion of the differences of x): per addition three
 * multiplications for the shared inversion, then {@code λ = (y2 - y1)/(x2 - x1)}, {@code x3 = λ² - x1 - x2},
 * {@code y3 = λ·(x1 - x3) - y1}. The same operations for every value (Bouncy Castle's field arithmetic and
 * safegcd inversion), so the sums may follow secrets; a step in which some x1 equals its x2 (a doubling or a
 * sum with the negation, outside these formulas) is refused as a whole, a public event.
 */
final class AffineBatch {
    private final ECCurve bc;
    private final ECFieldElement[] x;
    private final ECFieldElement[] y;
    private final ECFieldElement[] ax;
    private final ECFieldElement[] ay;
    private final ECFieldElement[] prefix;

    AffineBatch(ECCurve bc, int size) {
        this.bc = bc;
        this.x = new ECFieldElement[size];
        this.y = new ECFieldElement[size];
        this.ax = new ECFieldElement[size];
        this.ay = new ECFieldElement[size];
        this.prefix = new ECFieldElement[size];
    }

    /** Starts sum j at an affine point (not the identity). */
    void set(int j, ECPoint p) {
        x[j] = p.getAffineXCoord();
        y[j] = p.getAffineYCoord();
    }

    /** The affine point (not the identity) the next step adds to sum j. */
    void addend(int j, ECPoint p) {
        ax[j] = p.getAffineXCoord();
        ay[j] = p.getAffineYCoord();
    }

    /** Adds every addend to its sum; false, with the sums unchanged, when some sum and addend share x. */
    boolean addAll() {
        int n = x.length;
        if (n == 0) {
            return true;
        }
        ECFieldElement acc = ax[0].subtract(x[0]);
        prefix[0] = acc;
        for (int j = 1; j < n; j++) {
            acc = acc.multiply(ax[j].subtract(x[j]));
            prefix[j] = acc;
        }
        if (acc.isZero()) {
            return false;
        }
        ECFieldElement inv = acc.invert(); // 1 / Π_{i ≤ j} (x2 - x1)_i, from j = n - 1 down
        for (int j = n - 1; j >= 0; j--) {
            ECFieldElement d = ax[j].subtract(x[j]);
            ECFieldElement oneOver = j == 0 ? inv : inv.multiply(prefix[j - 1]);
            if (j > 0) {
                inv = inv.multiply(d);
            }
            ECFieldElement lambda = ay[j].subtract(y[j]).multiply(oneOver);
            ECFieldElement x3 = lambda.square().subtract(x[j]).subtract(ax[j]);
            y[j] = lambda.multiply(x[j].subtract(x3)).subtract(y[j]);
            x[j] = x3;
        }
        return true;
    }

    /** The sums as points. */
    Point[] points(WeierstrassCurve curve) {
        Point[] out = new Point[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = new WeierstrassPoint(curve, bc.createPoint(x[j].toBigInteger(), y[j].toBigInteger()));
        }
        return out;
    }
}
