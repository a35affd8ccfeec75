package io.keyshard.payload.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyshard.address.AccountAddresses;
import io.keyshard.address.Hashes;
import io.keyshard.bytes.Hex;
import io.keyshard.json.StrictJson;
import io.keyshard.payload.evm.UniversalRouterCall.Command;
import io.keyshard.payload.evm.UniversalRouterCall.Step;
import io.keyshard.payload.evm.UniversalRouterCall.Swap;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Universal Router's execute is read step by step from three swaps recorded on Ethereum, and nothing that is
 * not laid out exactly as the router decodes it, or sent elsewhere, is read.
 */
public class UniversalRouterCallTest {
    static final String ROUTER = "0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD";
    static final String ROUTER_1_0 = "0xEf1c6E67703c7BD7107eed8303Fbe6EC2554BF6B";
    static final String ROUTER_2_0 = "0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af";
    private static final String WETH = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

    /** The call data of a recorded transaction, hex in a resource. */
    static String recorded(String name) throws IOException {
        try (InputStream in = UniversalRouterCallTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    private static Optional<UniversalRouterCall> decode(String to, String hex) {
        return UniversalRouterCall.decode(BigInteger.ONE, to, Hex.decode(hex, "data"));
    }

    @Test
    void aSwapOfEthForUsdcThroughTheAppReadsAsItsFourSteps() throws IOException {
        assertEquals(
                "3593564c",
                Hex.encode(Arrays.copyOf(
                        Hashes.keccak256(UniversalRouterCall.EXECUTE.getBytes(StandardCharsets.US_ASCII)), 4)));
        assertEquals(
                "24856bc3",
                Hex.encode(Arrays.copyOf(
                        Hashes.keccak256(UniversalRouterCall.EXECUTE_NO_DEADLINE.getBytes(StandardCharsets.US_ASCII)),
                        4)));
        UniversalRouterCall call =
                decode(ROUTER, recorded("uniswap-router-eth-to-usdc.hex")).orElseThrow();
        assertEquals(BigInteger.valueOf(0x663551cfL), call.deadline());
        List<Step> s = call.steps();
        assertEquals(
                List.of(Command.WRAP_ETH, Command.V3_SWAP_EXACT_IN, Command.PAY_PORTION, Command.SWEEP),
                s.stream().map(Step::command).toList());
        BigInteger hundredth = new BigInteger("10000000000000000");
        assertEquals(
                new Step(Command.WRAP_ETH, false, UniversalRouterCall.ADDRESS_THIS, null, hundredth, null, null, null),
                s.get(0));
        assertEquals(
                new Swap(3, true, List.of(WETH, USDC), List.of(3000), hundredth, BigInteger.valueOf(29_538_791), false),
                s.get(1).swap());
        assertEquals(UniversalRouterCall.ADDRESS_THIS, s.get(1).recipient());
        assertEquals(USDC, s.get(2).token());
        assertEquals("0x27213E28D7fDA5c57Fe9e5dD923818DBCcf71c47", s.get(2).recipient());
        assertEquals(BigInteger.valueOf(25), s.get(2).amount(), "0.25% in bips");
        assertEquals(
                new Step(
                        Command.SWEEP,
                        false,
                        UniversalRouterCall.MSG_SENDER,
                        USDC,
                        BigInteger.valueOf(29_538_791),
                        null,
                        null,
                        null),
                s.get(3));
    }

    @Test
    void aRouteThroughAV3AndAV2PoolOnTheFirstRouterReadsEachPoolsSwap() throws IOException {
        UniversalRouterCall call = decode(ROUTER_1_0, recorded("uniswap-router-v1-eth-usdc-v3-v2.hex"))
                .orElseThrow();
        List<Step> s = call.steps();
        assertEquals(
                List.of(Command.WRAP_ETH, Command.V3_SWAP_EXACT_IN, Command.V2_SWAP_EXACT_IN),
                s.stream().map(Step::command).toList());
        Swap v3 = s.get(1).swap();
        assertEquals(List.of(WETH, USDC), v3.tokens());
        assertEquals(List.of(500), v3.fees());
        assertEquals(BigInteger.ZERO, v3.amountOut());
        assertEquals("0x65717fe021EA67801d1088CC80099004B05B6460", s.get(1).recipient(), "paid straight into the pair");
        Swap v2 = s.get(2).swap();
        assertEquals(2, v2.version());
        assertEquals(USDC, v2.tokens().get(0));
        assertEquals(List.of(), v2.fees());
        assertEquals(UniversalRouterCall.CONTRACT_BALANCE, v2.amountIn());
        assertEquals(new BigInteger("9e95fd5965fd1f1a6f0d46", 16), v2.amountOut());
        assertFalse(v2.payerIsUser());
        assertEquals(UniversalRouterCall.MSG_SENDER, s.get(2).recipient());
    }

    @Test
    void anExactOutputPathIsReadFromTheTokenPaidToTheTokenBought() throws IOException {
        // the recorded swap's V3 step, turned into exact output: its path runs from USDC back to WETH
        String data = recorded("uniswap-router-eth-to-usdc.hex");
        String path = "c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2000bb8a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
        String reversed = "a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48000bb8c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
        String exactOut = data.replace("40b000604", "40b010604").replace(path, reversed);
        Swap swap = decode(ROUTER, exactOut).orElseThrow().steps().get(1).swap();
        assertFalse(swap.exactIn());
        assertEquals(List.of(WETH, USDC), swap.tokens());
        assertEquals(BigInteger.valueOf(29_538_791), swap.amountIn(), "the second amount is the most paid");
    }

    @Test
    void theAllowRevertBitIsKeptAndAnyOtherCommandLeavesTheCallUnread() throws IOException {
        String data = recorded("uniswap-router-eth-to-usdc.hex");
        UniversalRouterCall mayFail =
                decode(ROUTER, data.replace("40b000604", "40b008604")).orElseThrow();
        assertTrue(mayFail.steps().get(2).mayFail());
        assertTrue(decode(ROUTER, data.replace("40b000604", "40b000304")).isEmpty(), "a batch permit (0x03)");
        assertTrue(
                decode(ROUTER, data.replace("40b000604", "40b000a04")).isEmpty(),
                "a permit's command byte over a payment's three words");
        assertTrue(decode(ROUTER, data.replace("40b000604", "40b001004")).isEmpty(), "a v4 swap (0x10)");
        assertTrue(decode(ROUTER, data.replace("40b000604", "40b004604")).isEmpty(), "bit 6 set");
    }

    @Test
    void aTokenSoldWithAPermitReadsThePermitTheRouteAndTheFee() throws IOException {
        // execute on router 2.0 in Ethereum transaction
        // 0x6b433813f5389372a09576e13c0a3f8bdc4126d3223e73125aa3453974fb2acc
        UniversalRouterCall call = decode(ROUTER_2_0, recorded("uniswap-router-permit2-token-to-usdc.hex"))
                .orElseThrow();
        List<Step> s = call.steps();
        assertEquals(
                List.of(Command.PERMIT2_PERMIT, Command.V2_SWAP_EXACT_IN, Command.PAY_PORTION, Command.SWEEP),
                s.stream().map(Step::command).toList());
        String token = AccountAddresses.eip55("f107edabf59ba696e38de62ad5327415bd4d4236");
        UniversalRouterCall.Permit permit = s.get(0).permit();
        assertEquals(
                new Permit2Approval(token, ROUTER_2_0, Permit2Approval.UNLIMITED, BigInteger.valueOf(0x68108dbbL)),
                permit.allowance());
        assertEquals(BigInteger.ONE, permit.nonce());
        assertEquals(BigInteger.valueOf(0x67e907c3L), permit.signatureDeadline());
        assertEquals(65, permit.signature().length() / 2);
        assertTrue(
                permit.signature().startsWith("f8a4fb48") && permit.signature().endsWith("1c"));
        assertNull(s.get(0).recipient());
        Swap swap = s.get(1).swap();
        assertEquals(
                new Swap(
                        2,
                        true,
                        List.of(token, WETH, USDC),
                        List.of(),
                        new BigInteger("184f0a41764371c86fe5f", 16),
                        BigInteger.ZERO,
                        true),
                swap);
        assertEquals(UniversalRouterCall.ADDRESS_THIS, s.get(1).recipient());
        assertEquals(BigInteger.valueOf(25), s.get(2).amount());
        // the app named the transaction's sender rather than the router's MSG_SENDER
        assertEquals(
                new Step(
                        Command.SWEEP,
                        false,
                        "0xc9F16b6Cc9CaDb7B81E020b94E5ab72aCF6b9748",
                        USDC,
                        BigInteger.valueOf(0x3d7a50feL),
                        null,
                        null,
                        null),
                s.get(3));
        assertTrue(
                decode(ROUTER_2_0, recorded("uniswap-router-permit2-token-to-usdc.hex") + "0b")
                        .isEmpty(),
                "a byte after the arguments");
    }

    @Test
    void anAmountTheRouterReadsAsAUint160IsReadOnlyWhenItFits() throws IOException {
        String data = recorded("uniswap-router-permit2-token-to-usdc.hex");
        String sweepLeast = "000000000000000000000000000000000000000000000000000000003d7a50fe";
        // the Dispatcher keeps the low 160 bits: this word would sweep with a least amount of 0x3d7a50fe... or of 0
        String wide = "0000000000000000000000010000000000000000000000000000000000000000";
        assertTrue(decode(ROUTER_2_0, data.replace(sweepLeast, wide)).isEmpty(), "a sweep's least over 160 bits");
        String permitAmount = "000000000000000000000000ffffffffffffffffffffffffffffffffffffffff";
        assertTrue(
                decode(ROUTER_2_0, data.replace(permitAmount, "00000000000000000000001" + "f".repeat(41)))
                        .isEmpty(),
                "a permit amount over 160 bits");
        String expiration = "0000000000000000000000000000000000000000000000000000000068108dbb";
        assertTrue(
                decode(
                                ROUTER_2_0,
                                data.replace(
                                        expiration,
                                        "0000000000000000000000000000000000000001000000000000" + "000068108dbb"))
                        .isEmpty(),
                "an expiration over 48 bits");
    }

    /**
     * 250 USDC taken from the sender through Permit2 straight into the USDC/WETH v2 pool, swapped there for at least
     * {@code least} WETH to the sender, then a check that {@code owner} holds at least that much WETH.
     */
    public static UniversalRouterCall usdcSoldThroughAV2Pool(String owner, BigInteger least, boolean checkMayFail) {
        return new UniversalRouterCall(
                List.of(
                        new Step(
                                Command.PERMIT2_TRANSFER_FROM,
                                false,
                                UniswapV2Pair.of(BigInteger.ONE, USDC, WETH).orElseThrow(),
                                USDC,
                                BigInteger.valueOf(250_000_000),
                                null,
                                null,
                                null),
                        new Step(
                                Command.V2_SWAP_EXACT_IN,
                                false,
                                UniversalRouterCall.MSG_SENDER,
                                null,
                                null,
                                new Swap(2, true, List.of(USDC, WETH), List.of(), BigInteger.ZERO, least, false),
                                null,
                                null),
                        new Step(Command.BALANCE_CHECK_ERC20, checkMayFail, owner, WETH, least, null, null, null)),
                BigInteger.valueOf(1_900_000_000L));
    }

    @Test
    void aPermit2TransferAndABalanceCheckReadBackAsEncoded() {
        UniversalRouterCall call =
                usdcSoldThroughAV2Pool("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", BigInteger.TEN, true);
        byte[] data = RouterEncoding.of(call);
        assertEquals(
                call, UniversalRouterCall.decode(BigInteger.ONE, ROUTER, data).orElseThrow());
    }

    @Test
    void theRoutersOnOtherChainsReadTheSameStepsAndADeploymentReadsOnlyWhatItRuns() throws IOException {
        byte[] data = Hex.decode(recorded("uniswap-router-permit2-token-to-usdc.hex"), "data");
        List<Step> onEthereum = UniversalRouterCall.decode(BigInteger.ONE, ROUTER_2_0, data)
                .orElseThrow()
                .steps();
        // version 2.0 on OP Mainnet, BNB Smart Chain, Polygon, Base and Arbitrum One
        String[][] routers = {
            {"10", "0x851116d9223fabed8e56c0e6b8ad0c31d98b3507"},
            {"56", "0x1906c1d672b88cd1b9ac7593301ca990f94eae07"},
            {"137", "0x1095692a6237d83c6a72f3f5efedb9a670c49223"},
            {"8453", "0x6ff5693b99212da76ad316178a184ab56d299b43"},
            {"42161", "0xa51afafe0263b40edaef0df8781ea9aa03e381a3"}
        };
        for (String[] r : routers) {
            BigInteger chain = new BigInteger(r[0]);
            assertEquals(
                    onEthereum,
                    UniversalRouterCall.decode(chain, r[1], data).orElseThrow().steps(),
                    "router 2.0 on chain " + chain);
            assertTrue(UniversalRouterCall.decode(BigInteger.ONE, r[1], data).isEmpty(), r[1] + " on Ethereum");
        }
        // the 1.2 deployed without v2 pools reverts the recorded call's v2 swap
        String withoutV2 = "0xeC8B0F7Ffe3ae75d7FfAb09429e3675bb63503e4";
        assertTrue(UniversalRouterCall.decode(BigInteger.valueOf(8453), withoutV2, data)
                .isEmpty());
        assertTrue(
                UniversalRouterCall.decode(BigInteger.valueOf(8453), ROUTER, data)
                        .isPresent(),
                "1.2 with them");

        // 1.0 has no balance check: the command reverts there
        UniversalRouterCall check = new UniversalRouterCall(
                List.of(new Step(
                        Command.BALANCE_CHECK_ERC20,
                        false,
                        "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045",
                        USDC,
                        BigInteger.TEN,
                        null,
                        null,
                        null)),
                null);
        byte[] checkData = RouterEncoding.of(check);
        assertTrue(UniversalRouterCall.decode(BigInteger.ONE, ROUTER_1_0, checkData)
                .isEmpty());
        assertEquals(
                check,
                UniversalRouterCall.decode(BigInteger.ONE, ROUTER, checkData).orElseThrow());
    }

    /** The calls Uniswap's universal-router-sdk encodes in its interop tests, which its forge tests run on router 2.0. */
    public static JsonNode sdkVectors() throws IOException {
        try (InputStream in = UniversalRouterCallTest.class.getResourceAsStream("universal-router-sdk-interop.json")) {
            return StrictJson.mapper().readTree(in);
        }
    }

    @Test
    void everySwapTheRoutersSdkEncodesIsReadAndEncodesBackToItsBytes() throws IOException {
        int swaps = 0;
        for (Map.Entry<String, JsonNode> v : sdkVectors().properties()) {
            byte[] data = Hex.decode(v.getValue().get("calldata").asText().substring(2), "calldata");
            Optional<UniversalRouterCall> call = UniversalRouterCall.decode(BigInteger.ONE, ROUTER_2_0, data);
            if (v.getKey().startsWith("_MIGRATE")) {
                assertTrue(call.isEmpty(), v.getKey() + ": a position migration is not a swap read here");
                continue;
            }
            assertArrayEquals(
                    data, RouterEncoding.of(call.orElseThrow(() -> new AssertionError(v.getKey()))), v.getKey());
            swaps++;
        }
        assertEquals(74, swaps);
    }

    @Test
    void aV4SwapReadsItsActionsOnRouter2AndNothingOn1() throws IOException {
        byte[] data = Hex.decode(
                sdkVectors()
                        .get("_UNISWAP_V4_1_ETH_FOR_USDC")
                        .get("calldata")
                        .asText()
                        .substring(2),
                "calldata");
        List<Step> steps = UniversalRouterCall.decode(BigInteger.ONE, ROUTER_2_0, data)
                .orElseThrow()
                .steps();
        assertEquals(List.of(Command.V4_SWAP), steps.stream().map(Step::command).toList());
        List<V4Swap.Action> a = steps.get(0).v4().actions();
        String recipient = AccountAddresses.eip55("aa".repeat(20));
        assertEquals(
                List.of(
                        new V4Swap.Action(
                                V4Swap.Kind.SWAP_EXACT_IN,
                                V4Swap.COIN,
                                null,
                                new BigInteger("1000000000000000000"),
                                new BigInteger("d2d62035241defd", 16),
                                null,
                                List.of(new V4Swap.Hop(USDC, 3000, 60, V4Swap.COIN, ""))),
                        new V4Swap.Action(
                                V4Swap.Kind.SETTLE, V4Swap.COIN, null, BigInteger.ZERO, null, true, List.of()),
                        new V4Swap.Action(V4Swap.Kind.TAKE, USDC, recipient, BigInteger.ZERO, null, null, List.of())),
                a);
        assertEquals(List.of(V4Swap.COIN, USDC), V4Swap.route(a.get(0)));
        // on 1.x the same byte buys NFTs on Seaport
        assertTrue(UniversalRouterCall.decode(BigInteger.ONE, ROUTER, data).isEmpty());
    }

    @Test
    void aSinglePoolV4SwapReadsAsTheSdkEncodesIt() {
        // Uniswap/sdks v4-sdk v4Planner.test.ts "encodes a v4 exactInSingle swap": USDC/WETH 0.3% pool (tick spacing
        // 10), zeroForOne, 1e18 in, at least 5e17 out, no hook data; the command's input is abi.encode(actions, params)
        String param = "0000000000000000000000000000000000000000000000000000000000000020"
                + "000000000000000000000000a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
                + "000000000000000000000000c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"
                + "0000000000000000000000000000000000000000000000000000000000000bb8"
                + "000000000000000000000000000000000000000000000000000000000000000a"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000de0b6b3a7640000"
                + "00000000000000000000000000000000000000000000000006f05b59d3b20000"
                + "0000000000000000000000000000000000000000000000000000000000000120"
                + "0000000000000000000000000000000000000000000000000000000000000000";
        V4Swap.Action swap =
                V4Swap.decode(v4Input("06", param)).orElseThrow().actions().get(0);
        String weth = AccountAddresses.eip55("c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        assertEquals(
                new V4Swap.Action(
                        V4Swap.Kind.SWAP_EXACT_IN_SINGLE,
                        USDC,
                        null,
                        new BigInteger("1000000000000000000"),
                        new BigInteger("500000000000000000"),
                        null,
                        List.of(new V4Swap.Hop(weth, 3000, 10, V4Swap.COIN, ""))),
                swap);
        assertEquals(List.of(USDC, weth), V4Swap.route(swap), "zeroForOne: currency0 in, currency1 out");
        // the same key with zeroForOne false sells WETH; exact out names the currency bought, as the path form does
        assertEquals(
                List.of(weth, USDC),
                V4Swap.route(V4Swap.decode(v4Input("06", flipWord(param, 5)))
                        .orElseThrow()
                        .actions()
                        .get(0)));
        V4Swap.Action exactOut =
                V4Swap.decode(v4Input("08", param)).orElseThrow().actions().get(0);
        assertEquals(weth, exactOut.currency());
        assertEquals(List.of(USDC, weth), V4Swap.route(exactOut));
        // currencies out of order name no pool v4 can hold
        String swapped = param.replace("a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "XX")
                .replace("c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48")
                .replace("XX", "c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        assertTrue(V4Swap.decode(v4Input("06", swapped)).isEmpty());
        assertTrue(V4Swap.decode(v4Input("06", param + "00")).isEmpty(), "a byte more");
    }

    /** {@code abi.encode(bytes actions, bytes[] params)} with one action and its param. */
    private static byte[] v4Input(String action, String param) {
        int length = param.length() / 2;
        String padded = param + "00".repeat((32 - length % 32) % 32);
        return Hex.decode(
                word(0x40)
                        + word(0x80)
                        + word(1)
                        + action
                        + "00".repeat(31)
                        + word(1)
                        + word(0x20)
                        + word(length)
                        + padded,
                "input");
    }

    private static String word(long v) {
        return String.format("%064x", v);
    }

    /** The param with its {@code i}-th head word (after the tuple's offset) set to 0 when 1, else to 1. */
    private static String flipWord(String param, int i) {
        int at = 64 * (i + 1);
        String w = param.substring(at, at + 64);
        return param.substring(0, at) + word(w.equals(word(1)) ? 0 : 1) + param.substring(at + 64);
    }

    @Test
    void dataNotLaidOutExactlyOrSentElsewhereIsNotRead() throws IOException {
        String data = recorded("uniswap-router-eth-to-usdc.hex");
        assertTrue(decode("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", data).isEmpty(), "another contract");
        assertTrue(
                UniversalRouterCall.decode(BigInteger.valueOf(10), ROUTER, Hex.decode(data, "data"))
                        .isEmpty(),
                "another chain");
        assertTrue(decode(ROUTER, data + "00").isEmpty(), "a byte more");
        assertTrue(decode(ROUTER, data.substring(0, data.length() - 64)).isEmpty(), "a word short");
        // the commands say 4, the inputs are 4: a fifth command byte with no input
        assertTrue(
                decode(
                                ROUTER,
                                data.replace(
                                        "0000000000000000000000000000000000000000000000000000000000000040b000604",
                                        "0000000000000000000000000000000000000000000000000000000000000050b00060404"))
                        .isEmpty(),
                "five commands for four inputs");
        // payerIsUser 2 is not a bool
        String badBool = data.replace(
                "00000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000000",
                "00000000000000000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000000000000000000002");
        assertTrue(decode(ROUTER, badBool).isEmpty(), "payerIsUser that is not 0 or 1");
        assertNull(
                decode(
                                ROUTER,
                                data.replace(
                                        "00000000000000000000000027213e28d7fda5c57fe9e5dd923818dbccf71c47",
                                        "00000000000000000000000127213e28d7fda5c57fe9e5dd923818dbccf71c47"))
                        .orElse(null),
                "an address word whose upper bytes are not zero");
    }
}
