package io.keyshard.curve;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A fixed base's rows of odd multiples (the same rows as {@link FixedBaseMultiplier}'s) as field words, for the
 * affine batches: {@link #select} reads every entry of a row and keeps one by masks, then negates it by a mask,
 * so neither the memory touched nor the work done follows the digit.
 */
final class AffineTable {
    private final int size;
    private final int[][] x;
    private final int[][] y;

    /** {@code entries}: the rows one after the other, {@code size} affine points each (none the identity). */
    AffineTable(AffineField field, ECPoint[] entries, int size) {
        this.size = size;
        this.x = new int[entries.length][];
        this.y = new int[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            x[i] = field.fromBigInteger(entries[i].getAffineXCoord().toBigInteger());
            y[i] = field.fromBigInteger(entries[i].getAffineYCoord().toBigInteger());
        }
    }

    /**
     * (outX, outY) = digit·(row's base) for an odd digit in [-(2·size - 1), 2·size - 1], given as
     * {@link RegularRecoding#signedDigit}, negated by {@code field}: the caller's own, as the table is shared
     * between threads and a field may keep scratch words.
     */
    void select(int row, int digit, AffineField field, int[] outX, int[] outY) {
        int negative = digit >>> 31;
        int index = ((digit ^ -negative) + negative) >>> 1; // |d| = 2·index + 1
        Arrays.fill(outX, 0);
        Arrays.fill(outY, 0);
        int words = outX.length;
        for (int j = 0; j < size; j++) {
            int keep = ((index ^ j) - 1) >> 31;
            int[] ex = x[row * size + j];
            int[] ey = y[row * size + j];
            for (int k = 0; k < words; k++) {
                outX[k] |= ex[k] & keep;
                outY[k] |= ey[k] & keep;
            }
        }
        field.negateIf(negative, outY);
    }
}
