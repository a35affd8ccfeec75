package io.keyshard.client;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1inch router call reads as what is paid, at least what comes back and to whom, and the executor or pools it runs
 * through, with warnings for another receiver, no least amount, and coins the router refuses or hands to the executor.
 */
class OneInchRowsTest {
    private static final String SELF = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94";
    private static final String ROUTER = "0x111111125421cA6dc452d289314280a0f8842A65";
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String POOL = "0xFF2BBcB399aD50bbD06DebAdd47D290933ae1038";
    private static final Map<String, String[]> RECORDED = new HashMap<>();

    @BeforeAll
    static void readRecorded() throws IOException {
        try (InputStream in =
                OneInchRowsTest.class.getResourceAsStream("/io/keyshard/payload/evm/oneinch-router-v6-recorded.json")) {
            for (JsonNode tx : new ObjectMapper().readTree(in).get("transactions")) {
                RECORDED.put(tx.get("function").asText(), new String[] {
                    tx.get("value").asText(), tx.get("data").asText().substring(2)
                });
            }
        }
    }

    @Test
    void aRecordedSwapOfTheCoinShowsBothTokensTheLeastAndTheReceiver() {
        ReviewedTransaction r = recorded("swap");
        assertTrue(r.shows("To", ROUTER + " (1inch Aggregation Router v6)"), r.text());
        assertTrue(
                r.shows(
                        "Data",
                        "520 bytes, selector 0x07ed2379: "
                                + "swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)"),
                r.text());
        assertTrue(r.shows("Swaps", "11.021 POL for at least 10.965895 WMATIC"), r.text());
        assertTrue(r.shows("Paid to", "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"), r.text());
        assertTrue(
                r.shows(
                        "Route",
                        "run by the executor contract 0xE37e799D5077682FA0a244D46E5649F71457BD09; the router pays out "
                                + "what comes back and refuses less than the least above"),
                r.text());
        assertTrue(
                r.shows(
                        "After the arguments",
                        "4 bytes (e26b9977) the router does not read; 1inch's app adds such a tag to the calls it "
                                + "builds"),
                r.text());
        assertEquals(
                List.of("the swap pays what it buys to 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045, not to this key: "
                        + "sign only if you mean to pay that address"),
                r.warnings());
    }

    @Test
    void aRecordedUnoswapNamesThePoolsAndSaysTheTokenBoughtIsNotNamed() {
        ReviewedTransaction eth = recorded("ethUnoswap");
        assertTrue(
                eth.shows(
                        "Swaps",
                        "0.00030104929099604 POL for at least 162 (its smallest units) of the token the last pool pays "
                                + "out, which the call does not name"),
                eth.text());
        assertTrue(eth.shows("Paid to", SELF + " (this key), the sender"), eth.text());
        assertTrue(
                eth.shows("Pools", "0x6D9e8dbB2779853db00418D4DcF96F3987CFC9D2 (a Uniswap v2-style pool)"), eth.text());
        assertEquals(List.of(), eth.warnings());

        ReviewedTransaction unwraps = recorded("unoswap");
        assertTrue(
                unwraps.shows("Swaps", "0.027486600031185057 DAI for at least 0.049943316318053994 POL"),
                unwraps.text());
        ReviewedTransaction three = recorded("unoswap3");
        assertTrue(three.text().contains("(a Curve pool) → "), three.text());
        assertTrue(three.text().contains("(a Uniswap v3-style pool) → "), three.text());
    }

    @Test
    void noLeastAmountCoinsTheRouterRefusesAndCoinsForTheExecutorAreWarned() {
        ReviewedTransaction anyAmount = ReviewedTransaction.of(SELF, ROUTER, "0", unoswap(0));
        assertTrue(
                anyAmount
                        .warnings()
                        .contains("the swap accepts any amount in return, even nothing: bots that trade "
                                + "around a swap take such room; ask the app for a minimum"),
                anyAmount.text());
        ReviewedTransaction paying = ReviewedTransaction.of(SELF, ROUTER, "7", unoswap(1));
        assertTrue(
                paying.warnings()
                        .contains("the transaction also sends 0.000000000000000007 ETH to 1inch's "
                                + "unoswap(uint256,uint256,uint256,uint256), which accepts no coins: it fails, and its "
                                + "fee is still paid"),
                paying.text());

        ReviewedTransaction mismatch = ReviewedTransaction.of(SELF, ROUTER, "999", swap(0, 990));
        assertTrue(
                mismatch.warnings()
                        .contains("the transaction sends 0.000000000000000999 ETH but the swap pays 0.000000000000001 "
                                + "ETH, which the router refuses: the transaction fails, and its fee is still paid"),
                mismatch.text());
        ReviewedTransaction extra = ReviewedTransaction.of(SELF, ROUTER, "1500", swap(2, 990));
        assertTrue(
                extra.warnings()
                        .contains("the transaction sends 0.0000000000000005 ETH more than the swap pays, which the "
                                + "router hands to the executor 0xE37e799D5077682FA0a244D46E5649F71457BD09: sign only if "
                                + "the app says what that pays for"),
                extra.text());
        ReviewedTransaction nothing = ReviewedTransaction.of(SELF, ROUTER, "1000", swap(1, 0));
        assertTrue(
                nothing.warnings()
                        .contains("the swap asks for at least 0 in return, which the router refuses: the transaction "
                                + "fails, and its fee is still paid"),
                nothing.text());
        assertTrue(
                nothing.shows(
                        "Swaps",
                        "up to 0.000000000000001 ETH for at least 0 USDC, in proportion to what is " + "spent"),
                nothing.text());
    }

    private static ReviewedTransaction recorded(String function) {
        String[] tx = RECORDED.get(function);
        return ReviewedTransaction.of(137, SELF, ROUTER, tx[0], tx[1]);
    }

    /** 1,000 USDC units through one v2-style pool for at least {@code least}, paid to the sender. */
    private static String unoswap(long least) {
        return call(
                "unoswap(uint256,uint256,uint256,uint256)",
                address(USDC),
                word(1_000),
                word(least),
                word(new BigInteger(POOL.substring(2), 16)));
    }

    /** A swap of 1,000 wei for at least {@code least} USDC units, with {@code flags}, paid to the sender. */
    private static String swap(long flags, long least) {
        String executor = "0xE37e799D5077682FA0a244D46E5649F71457BD09";
        return call(
                "swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)",
                address(executor),
                address("0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE"),
                address(USDC),
                address(executor),
                address("0x0000000000000000000000000000000000000000"),
                word(1_000),
                word(least),
                word(flags),
                word(0x120),
                word(0));
    }
}
