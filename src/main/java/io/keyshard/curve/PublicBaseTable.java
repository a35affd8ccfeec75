package io.keyshard.curve;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Variable-time k·G for PUBLIC scalars on a Weierstrass curve (e.g. a derivation tweak): k is
 * recoded into signed base-64 digits in [-32, 32]; row i holds 1..32 times 64^i·G (affine), so
 * k·G is one addition per non-zero digit and no doublings: about 43 additions on a 256-bit curve,
 * against about 52 doublings, 52 additions and a masked table scan per digit for the constant-time
 * comb. It branches on the digits, so secrets keep using {@link Curve#multiplyBase}.
 */
final class PublicBaseTable {
    private static final int WIDTH = 6;
    private static final int HALF = 1 << (WIDTH - 1);

    private final ECPoint[][] rows;

    /** Builds the table (a few thousand additions and one batch inversion per row: once per curve). */
    PublicBaseTable(ECCurve curve, ECPoint g, BigInteger order) {
        int count = (order.bitLength() + 1 + WIDTH - 1) / WIDTH;
        rows = new ECPoint[count][];
        ECPoint base = g;
        for (int i = 0; i < count; i++) {
            ECPoint[] row = new ECPoint[HALF];
            row[0] = base;
            for (int j = 1; j < HALF; j++) {
                row[j] = row[j - 1].add(base);
            }
            curve.normalizeAll(row);
            rows[i] = row;
            base = row[HALF - 1].twice().normalize(); // 64 times the row's base
        }
    }

    /** k·G for 0 <= k < order (public k only). */
    ECPoint multiply(ECCurve curve, BigInteger k) {
        ECPoint acc = curve.getInfinity();
        int bits = k.bitLength();
        int carry = 0;
        for (int i = 0; i < rows.length; i++) {
            int digit = carry;
            for (int b = 0; b < WIDTH; b++) {
                if (k.testBit(i * WIDTH + b)) {
                    digit += 1 << b;
                }
            }
            carry = digit > HALF ? 1 : 0;
            digit -= carry << WIDTH;
            if (digit > 0) {
                acc = acc.add(rows[i][digit - 1]);
            } else if (digit < 0) {
                acc = acc.subtract(rows[i][-digit - 1]);
            }
            if (carry == 0 && (i + 1) * WIDTH >= bits) {
                break;
            }
        }
        return acc;
    }
}
