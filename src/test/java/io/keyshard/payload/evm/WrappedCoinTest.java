package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WETH9's deposit and withdraw are read only when sent to the chain's wrapped-coin contract, laid out exactly. */
class WrappedCoinTest {
    private static final String WETH = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
    /** withdraw(1.5 ETH in wei) */
    private static final String WITHDRAW =
            "2e1a7d4d" + "00000000000000000000000000000000000000000000000014d1120d7b160000";

    private static Optional<WrappedCoin> decode(long chainId, String to, String hex) {
        return WrappedCoin.decode(BigInteger.valueOf(chainId), to, Hex.decode(hex, "data"));
    }

    private static String selector(String signature) {
        return Hex.encode(Arrays.copyOf(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4));
    }

    @Test
    void depositAndWithdrawSentToWethReadAsWrappingAndUnwrapping() {
        assertEquals("d0e30db0", selector(WrappedCoin.DEPOSIT));
        assertEquals("2e1a7d4d", selector(WrappedCoin.WITHDRAW));
        WrappedCoin deposit = decode(1, WETH, "d0e30db0").orElseThrow();
        assertTrue(deposit.wraps());
        assertNull(deposit.unwrapped());
        assertEquals("WETH", deposit.token().symbol());
        assertEquals(WrappedCoin.DEPOSIT, deposit.signature());
        WrappedCoin withdraw =
                decode(1, WETH.toLowerCase(Locale.ROOT), WITHDRAW).orElseThrow();
        assertEquals(new BigInteger("1500000000000000000"), withdraw.unwrapped());
        assertEquals("1.5 WETH", withdraw.token().amount(withdraw.unwrapped()));
        assertEquals(WrappedCoin.WITHDRAW, withdraw.signature());
    }

    @Test
    void eachChainHasItsOwnWrappedCoinContract() {
        String opStack = "0x4200000000000000000000000000000000000006";
        assertEquals(
                "WETH", decode(10, opStack, "d0e30db0").orElseThrow().token().symbol());
        assertEquals(
                "WETH", decode(8453, opStack, "d0e30db0").orElseThrow().token().symbol());
        assertEquals(
                "WETH",
                decode(42161, "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", "d0e30db0")
                        .orElseThrow()
                        .token()
                        .symbol());
        assertEquals(
                "WBNB",
                decode(56, "0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c", WITHDRAW)
                        .orElseThrow()
                        .token()
                        .symbol());
        assertEquals(
                "WAVAX",
                decode(43114, "0xB31f66AA3C1e785363F0875A1B74E27b85FD66c7", "d0e30db0")
                        .orElseThrow()
                        .token()
                        .symbol());
        assertEquals(
                "WMATIC",
                decode(137, "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270", WITHDRAW)
                        .orElseThrow()
                        .token()
                        .symbol());
        assertTrue(
                decode(137, "0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619", "d0e30db0")
                        .isEmpty(),
                "bridged WETH on Polygon is a token, not the chain's wrapped coin");
        assertTrue(decode(137, WETH, "d0e30db0").isEmpty(), "mainnet WETH's address on another chain");
        assertTrue(decode(1, opStack, "d0e30db0").isEmpty(), "the OP Stack's address on Ethereum");
    }

    @Test
    void anythingElseIsNotReadAsWrapping() {
        assertTrue(
                decode(1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "d0e30db0")
                        .isEmpty(),
                "a token, not WETH");
        assertTrue(decode(1, WETH, "").isEmpty(), "no call data");
        assertTrue(decode(1, WETH, "d0e30db000").isEmpty(), "deposit with a byte more");
        assertTrue(decode(1, WETH, WITHDRAW + "00").isEmpty(), "withdraw with a byte more");
        assertTrue(decode(1, WETH, WITHDRAW.substring(0, WITHDRAW.length() - 2)).isEmpty(), "withdraw a byte short");
        assertTrue(decode(1, WETH, "2e1a7d4d").isEmpty(), "withdraw without its amount");
        assertTrue(
                decode(1, WETH, "a9059cbb" + WITHDRAW.substring(8) + WITHDRAW.substring(8))
                        .isEmpty(),
                "transfer is a token call, not wrapping");
    }
}
