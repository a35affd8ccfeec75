package io.keyshard.payload.tron;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;

/** TRX amounts, which the chain counts in sun (10^-6 TRX), as exact decimals. */
public final class TronUnits {
    private static final int TRX_DECIMALS = 6;

    private TronUnits() {}

    /** {@code sun} as TRX, exactly: 1500000 is "1.5 TRX". */
    public static String trx(long sun) {
        return Decimals.scaled(BigInteger.valueOf(sun), TRX_DECIMALS) + " TRX";
    }
}
