package io.keyshard.curve;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Constant-time k·B for a fixed base B (ref10's method, over any {@link EdwardsGroup}): k is
 * recoded into signed radix-16 digits in [-8, 8]; table row i holds 1..8 times 256^i·B (affine),
 * so k·B = 16·Σ_odd e_j·row + Σ_even e_j·row. Every digit costs one masked scan of its whole row
 * and one complete addition, whatever its value: the same operations for every scalar.
 */
final class FixedBaseTable {
    private static final int ROW = 8;

    private final EdwardsGroup group;
    private final int digits;
    private final int scalarBytes;
    private final ExtendedCoordinates[][] rows;

    /** Builds the table (hundreds of inversions: do it once per curve). */
    FixedBaseTable(EdwardsGroup group, ExtendedCoordinates base, BigInteger order) {
        this.group = group;
        // Whole bytes of nibbles; the top nibble stays below 8 so the final carry fits a digit.
        this.scalarBytes = (order.bitLength() + 7) / 8;
        this.digits = 2 * scalarBytes;
        this.rows = new ExtendedCoordinates[scalarBytes][ROW];
        ExtendedCoordinates rowBase = base.copy(group.f);
        for (int i = 0; i < scalarBytes; i++) {
            ExtendedCoordinates addend = group.cached(rowBase);
            ExtendedCoordinates multiple = rowBase.copy(group.f);
            rows[i][0] = group.affineCached(multiple);
            for (int j = 1; j < ROW; j++) {
                group.add(multiple, addend, false, multiple);
                rows[i][j] = group.affineCached(multiple);
            }
            for (int k = 0; k < 8; k++) {
                group.dbl(rowBase, rowBase, k == 7);
            }
        }
    }

    /** k·B for 0 <= k < order; {@code le} is k little-endian, at least scalarBytes long. Wipes its own copies. */
    ExtendedCoordinates multiply(byte[] le) {
        int[] e = new int[digits];
        for (int i = 0; i < scalarBytes; i++) {
            e[2 * i] = le[i] & 15;
            e[2 * i + 1] = (le[i] >>> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < digits - 1; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[digits - 1] += carry;

        ExtendedCoordinates r = group.identity();
        ExtendedCoordinates addend = new ExtendedCoordinates(group.f);
        for (int i = 1; i < digits; i += 2) {
            select(i / 2, e[i], addend);
            group.add(r, addend, true, r);
        }
        for (int k = 0; k < 4; k++) {
            group.dbl(r, r, k == 3);
        }
        for (int i = 0; i < digits; i += 2) {
            select(i / 2, e[i], addend);
            group.add(r, addend, true, r);
        }
        Arrays.fill(e, 0);
        group.setAffineIdentity(addend);
        group.wipeScratch();
        return r;
    }

    /** out = digit·rows[row] for digit in [-8, 8], reading every entry and masking. */
    private void select(int row, int digit, ExtendedCoordinates out) {
        EdwardsField f = group.f;
        int negative = digit >>> 31;
        int magnitude = (digit ^ -negative) + negative;
        group.setAffineIdentity(out);
        for (int j = 0; j < ROW; j++) {
            int mask = ((magnitude ^ (j + 1)) - 1) >> 31;
            ExtendedCoordinates entry = rows[row][j];
            f.cmov(mask, entry.x, out.x);
            f.cmov(mask, entry.y, out.y);
            f.cmov(mask, entry.t, out.t);
        }
        group.cnegate(negative, out);
    }
}
