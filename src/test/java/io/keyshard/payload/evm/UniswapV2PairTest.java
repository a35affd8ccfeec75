package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** A v2 pool's address is the one its chain's factory deployed, whichever order its tokens are given in. */
class UniswapV2PairTest {
    @Test
    void theUsdcWethPoolsOfEthereumAndBaseAreWhereTheirFactoriesPutThem() {
        String ethereumUsdc = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
        String ethereumWeth = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
        assertEquals(
                "0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc",
                UniswapV2Pair.of(BigInteger.ONE, ethereumUsdc, ethereumWeth).orElseThrow());
        String baseUsdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
        String baseWeth = "0x4200000000000000000000000000000000000006";
        BigInteger base = BigInteger.valueOf(8453);
        assertEquals(
                "0x88A43bbDF9D098eEC7bCEda4e2494615dfD9bB9C",
                UniswapV2Pair.of(base, baseWeth, baseUsdc).orElseThrow());
        assertEquals(UniswapV2Pair.of(base, baseUsdc, baseWeth), UniswapV2Pair.of(base, baseWeth, baseUsdc));
    }

    @Test
    void aChainWithoutAKnownFactoryHasNoPoolAddress() {
        assertTrue(UniswapV2Pair.of(BigInteger.valueOf(100), "0x" + "11".repeat(20), "0x" + "22".repeat(20))
                .isEmpty());
    }
}
