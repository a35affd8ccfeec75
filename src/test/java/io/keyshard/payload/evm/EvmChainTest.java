package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** A transaction's chain is named as a person knows it, and its amounts in that chain's coin. */
class EvmChainTest {
    @Test
    void knownChainsAreNamedAndTestNetworksSaySo() {
        assertEquals("1 (Ethereum)", EvmChain.describe(BigInteger.ONE));
        assertEquals("137 (Polygon)", EvmChain.describe(BigInteger.valueOf(137)));
        assertEquals("11155111 (Sepolia, a test network)", EvmChain.describe(BigInteger.valueOf(11155111)));
    }

    @Test
    void anUnknownChainIsShownAsItsNumberWithWhatToCheck() {
        assertEquals(
                "424242 (not a chain Keyshard knows: check it is the chain you mean)",
                EvmChain.describe(BigInteger.valueOf(424242)));
        BigInteger huge = BigInteger.TWO.pow(200);
        assertEquals(huge + " (not a chain Keyshard knows: check it is the chain you mean)", EvmChain.describe(huge));
        // 2^64 + 1 must not wrap around to chain 1
        assertEquals(
                BigInteger.TWO.pow(64).add(BigInteger.ONE)
                        + " (not a chain Keyshard knows: check it is the chain you mean)",
                EvmChain.describe(BigInteger.TWO.pow(64).add(BigInteger.ONE)));
    }

    @Test
    void amountsAreInTheChainsNativeCoin() {
        assertEquals("1.5 ETH", EvmChain.amount(BigInteger.ONE, "1.5"));
        assertEquals("2 POL", EvmChain.amount(BigInteger.valueOf(137), "2"));
        assertEquals("0.1 BNB", EvmChain.amount(BigInteger.valueOf(56), "0.1"));
        assertEquals("3 (the chain's native coin)", EvmChain.amount(BigInteger.valueOf(424242), "3"));
    }
}
