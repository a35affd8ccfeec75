package io.keyshard.payload.evm;

import io.keyshard.payload.Decimals;
import java.math.BigInteger;

/** Exact decimal amounts for the review: wei as ETH (18 decimals) and as gwei (9), never floating point. */
public final class EvmUnits {
    private EvmUnits() {}

    /** {@code 1500000000000000000} wei is {@code "1.5"}. */
    public static String ether(BigInteger wei) {
        return Decimals.scaled(wei, 18);
    }

    /** {@code 2500000000} wei is {@code "2.5"} gwei. */
    public static String gwei(BigInteger wei) {
        return Decimals.scaled(wei, 9);
    }
}
