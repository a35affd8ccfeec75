package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * 1inch limit orders (Limit Order Protocol v4) read from the typed data the 1inch SDK builds: the type string is
 * OrderLib's own, the maker traits read as MakerTraitsLib packs them, and only the router's domain is taken as one.
 */
class OneInchLimitOrderTest {
    private static final String MAKER = "0x00000000219ab540356cBB839Cbe05303d7705Fa";
    /** The resource's traits: multiple fills allowed, expiring 2027-01-01 00:00:00 UTC. */
    private static final String TRAITS =
            "28948022309329048855892746252171976963317498340979482581186153703138954051584";

    private static String json(String... replacements) {
        String s;
        try (InputStream in = OneInchLimitOrderTest.class.getResourceAsStream("oneinch-limit-order.json")) {
            s = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", MAKER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            s = s.replace(replacements[i], replacements[i + 1]);
        }
        return s;
    }

    @Test
    void theOrderTypeIsOrderLibsAndItsTraitsReadAsMakerTraitsLibPacksThem() {
        TypedData data = TypedData.parse(json());
        // OrderLib.sol's _LIMIT_ORDER_TYPEHASH is the hash of this string
        assertEquals(
                "Order(uint256 salt,address maker,address receiver,address makerAsset,address takerAsset,"
                        + "uint256 makingAmount,uint256 takingAmount,uint256 makerTraits)",
                Eip712.encodeType(data, "Order"));
        OneInchLimitOrder o = OneInchLimitOrder.of(data).orElseThrow();
        assertEquals(MAKER, o.maker());
        assertEquals(OneInchLimitOrder.ZERO, o.receiver());
        assertEquals(new BigInteger("1000000000000000000"), o.makingAmount());
        assertEquals(BigInteger.valueOf(1_420_000_000L), o.takingAmount());
        assertEquals(BigInteger.valueOf(1_798_761_600L), o.expiration());
        assertNull(o.allowedSenderSuffix());
        assertTrue(o.partialFills() && o.multipleFills());
        assertFalse(o.extended() || o.permit2() || o.unwrapWeth());
    }

    @Test
    void everyTraitIsReadFromItsOwnBits() {
        BigInteger traits = BigInteger.ONE
                .shiftLeft(255) // no partial fills
                .setBit(249) // has extension
                .setBit(248) // Permit2
                .setBit(247) // unwrap WETH
                .or(new BigInteger("d8da6bf26964af9d7eed", 16)); // the allowed sender's last 10 bytes
        OneInchLimitOrder o = OneInchLimitOrder.of(TypedData.parse(json(TRAITS, traits.toString())))
                .orElseThrow();
        assertFalse(o.partialFills());
        assertFalse(o.multipleFills());
        assertTrue(o.extended() && o.permit2() && o.unwrapWeth());
        assertNull(o.expiration(), "no expiration bits: it never expires");
        assertEquals("d8da6bf26964af9d7eed", o.allowedSenderSuffix());
    }

    @Test
    void onlyTheRoutersOwnDomainIsReadAsAnOrder() {
        assertTrue(OneInchLimitOrder.of(TypedData.parse(json("\"version\": \"6\"", "\"version\": \"5\"")))
                .isEmpty());
        assertTrue(OneInchLimitOrder.of(
                        TypedData.parse(json(OneInchLimitOrder.ROUTER, "0x9008D19f58AAbD9eD0D60971565AA8510560ab41")))
                .isEmpty());
        assertTrue(OneInchLimitOrder.of(TypedData.parse(json("1inch Aggregation Router", "1inch Router")))
                .isEmpty());
    }
}
