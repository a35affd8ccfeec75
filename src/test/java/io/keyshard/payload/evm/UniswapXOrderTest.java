package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UniswapX orders read from the Permit2 witness the UniswapX SDK signs: the type strings are the ones the reactor's
 * libraries build (V2DutchOrderLib's PERMIT2_ORDER_TYPE after Permit2's own stub), and the order reads as its
 * outputs at their least.
 */
class UniswapXOrderTest {
    private static final String SWAPPER = "0x00000000219ab540356cBB839Cbe05303d7705Fa";
    private static final String ORDER_INFO = "OrderInfo(address reactor,address swapper,uint256 nonce,uint256 deadline,"
            + "address additionalValidationContract,bytes additionalValidationData)";
    private static final String DUTCH_OUTPUT =
            "DutchOutput(address token,uint256 startAmount,uint256 endAmount,address recipient)";
    private static final String V2_DUTCH_ORDER = "V2DutchOrder(OrderInfo info,address cosigner,address baseInputToken,"
            + "uint256 baseInputStartAmount,uint256 baseInputEndAmount,DutchOutput[] baseOutputs)";

    private static String resource(String name) {
        try (InputStream in = UniswapXOrderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", SWAPPER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(String... replacements) {
        String s = resource("uniswapx-v2-dutch-order.json");
        for (int i = 0; i < replacements.length; i += 2) {
            s = s.replace(replacements[i], replacements[i + 1]);
        }
        return s;
    }

    @Test
    void theWitnessTypeIsTheOneTheReactorsLibrariesBuild() {
        TypedData data = TypedData.parse(json());
        assertEquals(V2_DUTCH_ORDER + DUTCH_OUTPUT + ORDER_INFO, Eip712.encodeType(data, "V2DutchOrder"));
        // Permit2's stub "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256
        // deadline," followed by V2DutchOrderLib.PERMIT2_ORDER_TYPE
        assertEquals(
                "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,"
                        + "V2DutchOrder witness)" + DUTCH_OUTPUT + ORDER_INFO
                        + "TokenPermissions(address token,uint256 amount)" + V2_DUTCH_ORDER,
                Eip712.encodeType(data, "PermitWitnessTransferFrom"));
    }

    @Test
    void theOrderReadsAsItsOutputsAtTheirLeast() {
        UniswapXOrder o = UniswapXOrder.of(TypedData.parse(json())).orElseThrow();
        assertEquals("V2DutchOrder", o.type());
        assertEquals(SWAPPER, o.swapper());
        assertEquals(o.reactor(), o.spender());
        assertEquals(BigInteger.valueOf(1_798_761_600L), o.deadline());
        assertNull(o.validator());
        assertEquals(
                List.of(
                        new UniswapXOrder.Output(
                                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                                new BigInteger("290000000000000000"),
                                SWAPPER),
                        new UniswapXOrder.Output(
                                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                                new BigInteger("435000000000000"),
                                "0x000000fee13a103A10D593b9AE06b3e05F2E7E1c")),
                o.outputs());
    }

    @Test
    void aPermitWithoutAnOrderInfoOrWithAnotherOutputLayoutIsNoOrder() {
        assertTrue(UniswapXOrder.of(TypedData.parse(json("\"name\": \"deadline\"", "\"name\": \"expiry\"")))
                .isEmpty());
        assertTrue(UniswapXOrder.of(TypedData.parse(json("\"name\": \"endAmount\"", "\"name\": \"finalAmount\"")))
                .isEmpty());
        assertTrue(UniswapXOrder.of(TypedData.parse(resource("permit2-transfer-from.json")))
                .isEmpty());
    }
}
