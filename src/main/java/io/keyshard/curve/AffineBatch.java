package io.keyshard.curve;

/**
 * Many affine Weierstrass sums, each advanced by one affine addend at a time, all with one field inversion
 * per step (Montgomery's simultaneous inversion of the differences of x): per addition three
 * multiplications for the shared inversion, then {@code λ = (y2 - y1)/(x2 - x1)}, {@code x3 = λ² - x1 - x2},
 * {@code y3 = λ·(x1 - x3) - y1}. The same operations for every value ({@link AffineField}'s arithmetic and a
 * constant-time inversion), so the sums may follow secrets; a step in which some x1 equals its x2 (a doubling
 * or a sum with the negation, outside these formulas) is refused as a whole, a public event.
 */
final class AffineBatch {
    private final AffineField f;
    private final int[][] x;
    private final int[][] y;
    private final int[][] ax;
    private final int[][] ay;
    private final int[][] prefix;
    private final int[] inv;
    private final int[] d;
    private final int[] oneOver;
    private final int[] lambda;
    private final int[] x3;

    AffineBatch(AffineField f, int size) {
        this.f = f;
        int w = f.words();
        this.x = new int[size][w];
        this.y = new int[size][w];
        this.ax = new int[size][w];
        this.ay = new int[size][w];
        this.prefix = new int[size][w];
        this.inv = new int[w];
        this.d = new int[w];
        this.oneOver = new int[w];
        this.lambda = new int[w];
        this.x3 = new int[w];
    }

    /** Sum j's x and y words, to set its start (an affine point, not the identity). */
    int[] x(int j) {
        return x[j];
    }

    int[] y(int j) {
        return y[j];
    }

    /** The x and y words of the affine point (not the identity) the next step adds to sum j. */
    int[] addendX(int j) {
        return ax[j];
    }

    int[] addendY(int j) {
        return ay[j];
    }

    /** Adds every addend to its sum; false, with the sums unchanged, when some sum and addend share x. */
    boolean addAll() {
        int n = x.length;
        if (n == 0) {
            return true;
        }
        f.sub(ax[0], x[0], prefix[0]);
        for (int j = 1; j < n; j++) {
            f.sub(ax[j], x[j], d);
            f.mul(prefix[j - 1], d, prefix[j]);
        }
        if (isZero(prefix[n - 1])) {
            return false;
        }
        f.inv(prefix[n - 1], inv); // 1 / Π_{i ≤ j} (x2 - x1)_i, from j = n - 1 down
        for (int j = n - 1; j >= 0; j--) {
            f.sub(ax[j], x[j], d);
            if (j > 0) {
                f.mul(inv, prefix[j - 1], oneOver);
                f.mul(inv, d, inv);
            } else {
                System.arraycopy(inv, 0, oneOver, 0, inv.length);
            }
            f.sub(ay[j], y[j], lambda);
            f.mul(lambda, oneOver, lambda);
            f.sqr(lambda, x3);
            f.sub(x3, x[j], x3);
            f.sub(x3, ax[j], x3);
            f.sub(x[j], x3, d);
            f.mul(lambda, d, d);
            f.sub(d, y[j], y[j]);
            System.arraycopy(x3, 0, x[j], 0, x3.length);
        }
        return true;
    }

    /** The sums as points. */
    Point[] points(WeierstrassCurve curve) {
        Point[] out = new Point[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = new WeierstrassPoint(
                    curve, curve.bcCurve().createPoint(f.toBigInteger(x[j]), f.toBigInteger(y[j])));
        }
        return out;
    }

    /** Whether the words are all zero (a public event: the batch is then redone another way). */
    private static boolean isZero(int[] v) {
        int or = 0;
        for (int w : v) {
            or |= w;
        }
        return or == 0;
    }
}
