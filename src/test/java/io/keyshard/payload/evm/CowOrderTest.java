package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.bytes.Hex;
import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * A CoW order is read from the typed data CoW Swap asks to sign, hashed as the settlement contract hashes it, and
 * nothing that is not exactly GPv2's order for that contract is read as one.
 */
class CowOrderTest {
    private static TypedData typed(String json) {
        TypedData data = TypedData.parse(json);
        data.review();
        return data;
    }

    @Test
    void theOrderHashesWithGpv2sTypeHashAndTheSettlementsDomainSeparator() throws IOException {
        TypedData data = typed(TypedPermitTest.resource("cow-order.json"));
        // GPv2Order.TYPE_HASH, and GPv2Settlement's domainSeparator() on Ethereum
        assertEquals(
                "d5a25ba2e97094ad7d83dc28a6572da797d6b3e7fc6663bd93efb789fc17e489",
                Hex.encode(Eip712.typeHash(data, "Order")));
        assertEquals(
                "c078f884a2676e1345748b1feace7b0abee5d00ecadb6e574dcdd109a63e8943",
                Hex.encode(Eip712.domainSeparator(data)));
    }

    @Test
    void aSellOrderReadsItsTokensLimitsReceiverAndEnd() throws IOException {
        CowOrder o =
                CowOrder.of(typed(TypedPermitTest.resource("cow-order.json"))).orElseThrow();
        assertEquals(
                new CowOrder(
                        "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
                        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                        CowOrder.OWNER,
                        BigInteger.valueOf(2_000_000_000L),
                        new BigInteger("750000000000000000"),
                        BigInteger.valueOf(1_798_761_600L),
                        BigInteger.ZERO,
                        true,
                        false,
                        "erc20",
                        "erc20"),
                o);
    }

    @Test
    void anOrderForAnotherContractOrWithMarkersTheSettlementRefusesIsNotRead() throws IOException {
        String json = TypedPermitTest.resource("cow-order.json");
        assertTrue(
                CowOrder.of(typed(json.replace(CowOrder.SETTLEMENT, "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")))
                        .isEmpty(),
                "another verifying contract");
        assertTrue(CowOrder.of(typed(json.replace("\"sell\"", "\"swap\""))).isEmpty(), "a kind that is not sell/buy");
        assertTrue(
                CowOrder.of(typed(json.replace("\"buyTokenBalance\": \"erc20\"", "\"buyTokenBalance\": \"external\"")))
                        .isEmpty(),
                "bought into an external balance, which GPv2 does not accept");
        assertTrue(
                CowOrder.of(typed(json.replace(
                                "{\"name\": \"validTo\", \"type\": \"uint32\"}",
                                "{\"name\": " + "\"validTo\", \"type\": \"uint64\"}")))
                        .isEmpty(),
                "a member of another type: another type hash");
        assertTrue(
                CowOrder.of(typed(json.replace("\"buy\"", "\"buy\"").replace("\"sell\"", "\"buy\"")))
                        .map(o -> !o.sell())
                        .orElse(false),
                "a buy order");
    }
}
