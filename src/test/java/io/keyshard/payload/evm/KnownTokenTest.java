package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.AccountAddresses;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A token is known by its address on its chain, and its amounts are then shown in whole tokens. */
class KnownTokenTest {
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

    @Test
    void usdcOnEthereumReadsInWholeDollarsWhateverTheAddressCase() {
        KnownToken usdc =
                KnownToken.of(BigInteger.ONE, USDC.toLowerCase(Locale.ROOT)).orElseThrow();
        assertEquals("250 USDC", usdc.amount(BigInteger.valueOf(250_000_000L)));
        assertEquals("0.000001 USDC", usdc.amount(BigInteger.ONE));
        assertEquals(
                "1.5 DAI",
                KnownToken.of(BigInteger.ONE, "0x6B175474E89094C44Da98b954EedeAC495271d0F")
                        .orElseThrow()
                        .amount(new BigInteger("1500000000000000000")));
    }

    @Test
    void theSameAddressOnAnotherChainIsNotThatToken() {
        assertEquals(Optional.empty(), KnownToken.of(BigInteger.valueOf(137), USDC));
        assertEquals(Optional.empty(), KnownToken.of(BigInteger.TWO.pow(64).add(BigInteger.ONE), USDC));
        assertEquals(Optional.empty(), KnownToken.of(BigInteger.ONE, "0x000000000000000000000000000000000000dEaD"));
    }

    @Test
    void everyListedTokenHasACheckedAddressAndItsChainHasOneWrappedCoin() {
        for (KnownToken t : KnownToken.all()) {
            assertTrue(AccountAddresses.isValidEvm(t.address()), t::toString);
            assertTrue(List.of(6, 8, 18).contains(t.decimals()), t::toString);
            assertEquals(
                    Optional.of(t),
                    KnownToken.of(BigInteger.valueOf(t.chainId()), t.address()),
                    "one token per address and chain");
        }
        Map<Long, Long> wrapped = KnownToken.all().stream()
                .filter(KnownToken::wrapsCoin)
                .collect(Collectors.groupingBy(KnownToken::chainId, Collectors.counting()));
        assertTrue(wrapped.values().stream().allMatch(n -> n == 1), wrapped::toString);
        assertEquals(
                "0.5 WBTC",
                KnownToken.of(BigInteger.ONE, "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599")
                        .orElseThrow()
                        .amount(BigInteger.valueOf(50_000_000)));
        assertEquals(
                "WMATIC",
                KnownToken.wrappedCoin(BigInteger.valueOf(137)).orElseThrow().symbol(),
                "Polygon's wrapped coin");
    }
}
