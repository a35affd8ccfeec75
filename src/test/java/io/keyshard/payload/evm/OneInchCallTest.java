package io.keyshard.payload.evm;

import static io.keyshard.payload.evm.AbiWords.address;
import static io.keyshard.payload.evm.AbiWords.call;
import static io.keyshard.payload.evm.AbiWords.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 1inch router calls read by the signatures of 1inch's published ABI and checked against calls recorded on Polygon:
 * the tokens, amounts, least returned, receiver, executor and pools, the flags the router acts on, and the tag 1inch's
 * API appends; anything else stays unread.
 */
class OneInchCallTest {
    static final String ROUTER = "0x111111125421cA6dc452d289314280a0f8842A65";
    private static final BigInteger POLYGON = BigInteger.valueOf(137);
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String EXECUTOR = "0xE37e799D5077682FA0a244D46E5649F71457BD09";
    private static final String POOL = "0xFF2BBcB399aD50bbD06DebAdd47D290933ae1038";

    @Test
    void everyFunctionReadIsTheOneOfThePublishedAbi() throws Exception {
        JsonNode abi = new ObjectMapper().readTree(Resources.text("oneinch-router-v6-swaps-abi.json"));
        Map<String, String> published = new HashMap<>();
        for (JsonNode f : abi) {
            published.put(f.get("name").asText(), f.get("name").asText() + "(" + types(f.get("inputs")) + ")");
        }
        assertEquals(OneInchCall.Kind.values().length, published.size());
        for (OneInchCall.Kind kind : OneInchCall.Kind.values()) {
            String name = kind.signature().substring(0, kind.signature().indexOf('('));
            assertEquals(published.get(name), kind.signature(), kind.name());
        }
    }

    @Test
    void theRecordedCallsReadAsTheRouterReadsThem() throws Exception {
        JsonNode recorded = new ObjectMapper().readTree(Resources.text("oneinch-router-v6-recorded.json"));
        Map<String, OneInchCall> calls = new HashMap<>();
        for (JsonNode tx : recorded.get("transactions")) {
            byte[] data = Hex.decode(tx.get("data").asText().substring(2), "data");
            Optional<OneInchCall> call = OneInchCall.decode(POLYGON, ROUTER, data);
            assertTrue(call.isPresent(), tx.get("function").asText());
            calls.put(tx.get("function").asText(), call.get());
        }
        OneInchCall swap = calls.get("swap");
        assertEquals(OneInchCall.Kind.SWAP, swap.kind());
        assertEquals(OneInchCall.COIN, swap.srcToken());
        assertEquals("0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270", swap.dstToken());
        assertEquals(new BigInteger("11021000000000000000"), swap.amount());
        assertEquals(new BigInteger("10965895000000000000"), swap.minReturn());
        assertEquals("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", swap.receiver());
        assertEquals(EXECUTOR, swap.executor());
        assertFalse(swap.partialFill() || swap.extraCoin() || swap.permit2());
        assertEquals("e26b9977", swap.tag());

        OneInchCall eth = calls.get("ethUnoswap");
        assertEquals(OneInchCall.COIN, eth.srcToken());
        assertNull(eth.amount(), "the coin forms pay the transaction's value");
        assertNull(eth.dstToken());
        assertEquals(BigInteger.valueOf(162), eth.minReturn());
        assertNull(eth.receiver());
        assertEquals(
                List.of(new OneInchCall.Pool(
                        "0x6D9e8dbB2779853db00418D4DcF96F3987CFC9D2", OneInchCall.Protocol.UNISWAP_V2)),
                eth.pools());

        OneInchCall unwraps = calls.get("unoswap");
        assertEquals("0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063", unwraps.srcToken());
        assertEquals(new BigInteger("27486600031185057"), unwraps.amount());
        assertEquals(OneInchCall.COIN, unwraps.dstToken(), "the last pool's wrapped coin is unwrapped");
        assertEquals("2a6f45f2", unwraps.tag());

        OneInchCall to = calls.get("unoswapTo");
        assertEquals("0x75dca6377c1a3365C98e8C63aBe36ceD51546723", to.receiver());
        assertEquals("0xc2132D05D31c914a87C6611C10748AEb04B58e8F", to.srcToken());
        assertEquals(BigInteger.valueOf(2_000_000), to.amount());

        OneInchCall two = calls.get("unoswap2");
        assertEquals(BigInteger.valueOf(78_736), two.minReturn());
        assertEquals(POOL, two.pools().get(0).address());
        assertEquals(2, two.pools().size());

        OneInchCall three = calls.get("unoswap3");
        assertEquals(
                List.of(OneInchCall.Protocol.CURVE, OneInchCall.Protocol.UNISWAP_V3, OneInchCall.Protocol.UNISWAP_V3),
                three.pools().stream().map(OneInchCall.Pool::protocol).toList());
        assertEquals(new BigInteger("493000000000000000000"), three.amount());
    }

    @Test
    void theSwapsFlagsAndTheCoinsTwoNamesAreRead() {
        String flags = word(BigInteger.valueOf(0b111));
        OneInchCall call = OneInchCall.decode(BigInteger.ONE, ROUTER, Hex.decode(swap(ZERO, USDC, flags), "data"))
                .orElseThrow();
        assertEquals(OneInchCall.COIN, call.srcToken(), "the zero address is the coin too");
        assertTrue(call.partialFill() && call.extraCoin() && call.permit2());
        assertNull(call.receiver(), "a zero receiver is the sender");
        assertNull(call.tag());
    }

    @Test
    void aPoolWordsProtocolFlagsAndPermit2AreTheRoutersBits() {
        BigInteger pool = new BigInteger(POOL.substring(2), 16);
        BigInteger v3Unwrapping = pool.setBit(253).setBit(252).setBit(250);
        OneInchCall call = OneInchCall.decode(
                        BigInteger.ONE,
                        ROUTER,
                        Hex.decode(
                                call(
                                        "unoswap(uint256,uint256,uint256,uint256)",
                                        address(USDC),
                                        word(5),
                                        word(4),
                                        word(v3Unwrapping)),
                                "data"))
                .orElseThrow();
        assertEquals(List.of(new OneInchCall.Pool(POOL, OneInchCall.Protocol.UNISWAP_V3)), call.pools());
        assertEquals(OneInchCall.COIN, call.dstToken());
        assertTrue(call.permit2());

        // the coin comes out when the last pool unwraps; Permit2 is the first pool's flag, the one that takes the token
        BigInteger flagged = pool.setBit(252).setBit(250);
        OneInchCall firstFlagged = twoPools(flagged, pool);
        assertNull(firstFlagged.dstToken());
        assertTrue(firstFlagged.permit2());
        OneInchCall lastFlagged = twoPools(pool, flagged);
        assertEquals(OneInchCall.COIN, lastFlagged.dstToken());
        assertFalse(lastFlagged.permit2());

        BigInteger noSuchProtocol = pool.setBit(254).setBit(253);
        assertUnread(
                call("unoswap(uint256,uint256,uint256,uint256)", address(USDC), word(5), word(4), word(noSuchProtocol)),
                "a protocol the router's enum does not have");
    }

    @Test
    void anythingElseStaysUnread() {
        String unoswap = call(
                "unoswap(uint256,uint256,uint256,uint256)",
                address(USDC),
                word(5),
                word(4),
                word(new BigInteger(POOL.substring(2), 16)));
        assertTrue(
                OneInchCall.decode(BigInteger.ONE, ROUTER, Hex.decode(unoswap + "00".repeat(31), "d"))
                        .isPresent(),
                "a tag shorter than a word");
        assertUnread(unoswap + "00".repeat(32), "a whole word after the arguments");
        assertUnread(unoswap.substring(0, unoswap.length() - 2), "a word cut short");
        assertUnread(
                call(
                        "unoswap(uint256,uint256,uint256,uint256)",
                        "ff" + address(USDC).substring(2),
                        word(5),
                        word(4),
                        word(1)),
                "a token word with bits above the address");
        assertUnread(
                call(
                        "unoswapTo(uint256,uint256,uint256,uint256,uint256)",
                        "01" + address(USDC).substring(2),
                        address(USDC),
                        word(5),
                        word(4),
                        word(1)),
                "a receiver word with bits above the address");
        String swap = swap(USDC, USDC, word(0));
        assertUnread(swap.substring(0, swap.length() - 64), "a route cut short");
        byte[] data = Hex.decode(unoswap, "data");
        assertFalse(OneInchCall.decode(BigInteger.valueOf(324), ROUTER, data).isPresent(), "zkSync's router differs");
        assertFalse(OneInchCall.decode(BigInteger.ONE, USDC, data).isPresent(), "another contract");
    }

    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    /** A swap of 1,000 units for at least 990, paid to the sender, with a 3-byte route. */
    private static String swap(String src, String dst, String flags) {
        return call(
                "swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)",
                address(EXECUTOR),
                address(src),
                address(dst),
                address(EXECUTOR),
                address(ZERO),
                word(1_000),
                word(990),
                flags,
                word(0x120),
                word(3),
                "abcdef" + "00".repeat(29));
    }

    /**
     * What {@code call} shows is what the router reads from {@code data}: the words at the function's positions (an
     * address word's low 20 bytes, a pool's address its word's), and the tag the bytes after the arguments.
     */
    static void assertShowsTheRoutersWords(byte[] data, OneInchCall call) {
        List<BigInteger> w = new ArrayList<>();
        for (int at = 4; at + 32 <= data.length; at += 32) {
            w.add(new BigInteger(1, Arrays.copyOfRange(data, at, at + 32)));
        }
        String what = call.toString();
        if (call.kind() == OneInchCall.Kind.SWAP) {
            assertEquals(w.get(5), call.amount(), what);
            assertEquals(w.get(6), call.minReturn(), what);
            assertEquals(call.partialFill(), w.get(7).testBit(0), what);
            assertEquals(call.receiver() == null, w.get(4).signum() == 0, what);
            return;
        }
        String name = call.kind().name();
        int at = name.contains("TO") ? 1 : 0;
        if (name.contains("TO")) {
            assertEquals(w.get(0), new BigInteger(call.receiver().substring(2), 16), what);
        }
        if (!call.kind().paysCoin()) {
            assertEquals(w.get(at + 1), call.amount(), what);
            at += 2;
        }
        assertEquals(w.get(at), call.minReturn(), what);
        BigInteger low = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
        for (int i = 0; i < call.pools().size(); i++) {
            BigInteger word = w.get(at + 1 + i);
            assertEquals(
                    word.and(low), new BigInteger(call.pools().get(i).address().substring(2), 16), what);
            assertEquals(
                    word.shiftRight(253).intValueExact(),
                    call.pools().get(i).protocol().ordinal(),
                    what);
        }
        int argumentsEnd = 4 + 32 * (at + 1 + call.pools().size());
        assertEquals(
                data.length == argumentsEnd ? null : Hex.encode(Arrays.copyOfRange(data, argumentsEnd, data.length)),
                call.tag(),
                what);
    }

    /** A {@code unoswap2} of 5 USDC units for at least 4 through the pool words {@code first} and {@code second}. */
    private static OneInchCall twoPools(BigInteger first, BigInteger second) {
        String data = call(
                "unoswap2(uint256,uint256,uint256,uint256,uint256)",
                address(USDC),
                word(5),
                word(4),
                word(first),
                word(second));
        return OneInchCall.decode(BigInteger.ONE, ROUTER, Hex.decode(data, "data"))
                .orElseThrow();
    }

    private static void assertUnread(String hex, String what) {
        assertFalse(
                OneInchCall.decode(BigInteger.ONE, ROUTER, Hex.decode(hex, "data"))
                        .isPresent(),
                what);
    }

    private static String types(JsonNode inputs) {
        List<String> types = new ArrayList<>();
        for (JsonNode in : inputs) {
            String type = in.get("type").asText();
            types.add(type.startsWith("tuple") ? "(" + types(in.get("components")) + ")" + type.substring(5) : type);
        }
        return String.join(",", types);
    }
}
