package io.keyshard.curve;

/**
 * Variable-time Σ k_i·P_i for public scalars (Straus: width-5 NAF digits, one shared chain of
 * doublings, odd multiples P, 3P, ..., 15P per point). Never for secrets: it branches on digits.
 */
final class WnafMultiplier {
    private static final int WIDTH = 5;
    private static final int ODD_MULTIPLES = 1 << (WIDTH - 2);

    private WnafMultiplier() {}

    /** Σ scalars[i]·points[i]; each scalar little-endian, non-negative. */
    static ExtendedCoordinates multiSum(EdwardsGroup group, byte[][] scalars, ExtendedCoordinates[] points) {
        int n = points.length;
        int[][] naf = new int[n][];
        ExtendedCoordinates[][] plus = new ExtendedCoordinates[n][];
        ExtendedCoordinates[][] minus = new ExtendedCoordinates[n][];
        int top = 0;
        for (int i = 0; i < n; i++) {
            naf[i] = naf(scalars[i]);
            top = Math.max(top, naf[i].length);
            plus[i] = oddMultiples(group, points[i]);
            minus[i] = new ExtendedCoordinates[ODD_MULTIPLES];
            for (int j = 0; j < ODD_MULTIPLES; j++) {
                minus[i][j] = group.negate(plus[i][j]);
            }
        }
        ExtendedCoordinates r = group.identity();
        boolean started = false;
        for (int bit = top - 1; bit >= 0; bit--) {
            if (started) {
                group.dbl(r, r, bit == 0 || anyDigit(naf, bit)); // T only where read
            }
            for (int i = 0; i < n; i++) {
                int digit = bit < naf[i].length ? naf[i][bit] : 0;
                if (digit != 0) {
                    ExtendedCoordinates addend = digit > 0 ? plus[i][digit >> 1] : minus[i][(-digit) >> 1];
                    group.add(r, addend, false, r);
                    started = true;
                }
            }
        }
        return r;
    }

    private static boolean anyDigit(int[][] naf, int bit) {
        for (int[] digits : naf) {
            if (bit < digits.length && digits[bit] != 0) {
                return true;
            }
        }
        return false;
    }

    /** P, 3P, ..., 15P, cached for addition. */
    private static ExtendedCoordinates[] oddMultiples(EdwardsGroup group, ExtendedCoordinates p) {
        ExtendedCoordinates[] table = new ExtendedCoordinates[ODD_MULTIPLES];
        ExtendedCoordinates twice = group.identity();
        group.dbl(p, twice);
        ExtendedCoordinates twiceCached = group.cached(twice);
        ExtendedCoordinates current = p.copy(group.f);
        table[0] = group.cached(current);
        for (int j = 1; j < ODD_MULTIPLES; j++) {
            group.add(current, twiceCached, false, current);
            table[j] = group.cached(current);
        }
        return table;
    }

    /** Width-w NAF of a little-endian number: digits odd in [-(2^(w-1)-1), 2^(w-1)-1] or 0. */
    static int[] naf(byte[] le) {
        int bits = 8 * le.length;
        int[] out = new int[bits + 1];
        int width = 1 << WIDTH;
        int carry = 0;
        int pos = 0;
        while (pos < bits + 1) {
            int window = carry + bitsAt(le, pos, WIDTH);
            if ((window & 1) == 0) {
                pos++;
                continue;
            }
            if (window < width / 2) {
                carry = 0;
                out[pos] = window;
            } else {
                carry = 1;
                out[pos] = window - width;
            }
            pos += WIDTH;
        }
        return out;
    }

    private static int bitsAt(byte[] le, int pos, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            int b = pos + k;
            if (b < 8 * le.length && ((le[b >>> 3] >>> (b & 7)) & 1) != 0) {
                v |= 1 << k;
            }
        }
        return v;
    }
}
