package io.keyshard.payload;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts a chain counts in its smallest units, shown as exact decimals: never floating point. */
public final class Decimals {
    private Decimals() {}

    /** {@code units} moved {@code decimals} places left, without trailing zeros: 1500000 at 6 is "1.5". */
    public static String scaled(BigInteger units, int decimals) {
        if (units.signum() == 0) {
            return "0";
        }
        return new BigDecimal(units)
                .movePointLeft(decimals)
                .stripTrailingZeros()
                .toPlainString();
    }
}
